package org.stoxum.engine.tx.queue;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.ApplyResult;
import org.stoxum.engine.tx.PreflightResult;
import org.stoxum.engine.tx.TxEngine;

/**
 * A transaction waiting in the queue (rippled's {@code TxQ::MaybeTx}): the fee level it paid, the
 * preflight it passed, how many more times a new open ledger may try it, and the result of the last try.
 * Its {@link TxConsequences} are worked out only when a decision needs them, as rippled does, because the
 * account_info and ledger answers show them only once known.
 */
final class MaybeTx {
    /** Tries a queued transaction gets at a new open ledger before it is dropped. */
    static final int RETRIES_ALLOWED = 10;

    final STTx tx;
    final AccountId account;
    final long sequence;
    final long feeLevel;
    final Long lastValid;
    /** Arrival order: equal fee levels are served first come, first served. */
    final long arrival;
    private final PreflightResult preflight;
    private TxConsequences consequences;
    int retriesRemaining = RETRIES_ALLOWED;
    TER lastResult;

    MaybeTx(STTx tx, long feeLevel, PreflightResult preflight, long arrival) {
        this.tx = tx;
        this.account = tx.account();
        this.sequence = tx.sequence();
        this.feeLevel = feeLevel;
        this.lastValid = tx.object().isPresent(SField.LAST_LEDGER_SEQUENCE)
                ? tx.object().getU32(SField.LAST_LEDGER_SEQUENCE) : null;
        this.arrival = arrival;
        this.preflight = preflight;
    }

    /** The consequences, worked out now if no decision needed them before. */
    TxConsequences consequences() {
        if (consequences == null) {
            consequences = preflight.ter() == TER.tesSUCCESS ? TxConsequences.of(tx) : TxConsequences.ofFailed(tx);
        }
        return consequences;
    }

    /** The consequences if already known, else null. */
    TxConsequences knownConsequences() {
        return consequences;
    }

    void knowConsequences(TxConsequences c) {
        consequences = c;
    }

    PreflightResult preflight() {
        return preflight;
    }

    /** Preclaim and apply against {@code view} (preflight again only if the rules changed). */
    ApplyResult apply(OpenView view) {
        return TxEngine.doApply(TxEngine.preclaim(preflight, view), view);
    }
}
