package org.stoxum.engine.tx;

import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.OpenView;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Rules;
import org.stoxum.engine.ledger.STTx;

/**
 * Applies transactions in rippled's three stages (applySteps.cpp, apply.cpp): {@link #preflight}
 * (stateless), {@link #preclaim} (read-only against a view) and {@link #doApply} (changes in a sandbox,
 * written whole or not at all). Each stage takes only the previous stage's result type, so none can be
 * skipped. An exception inside a stage becomes tefEXCEPTION, as in rippled.
 */
public final class TxEngine {
    private TxEngine() {
    }

    /** What {@link #applyTransaction} tells a retrying caller. */
    public enum Outcome {
        /** Applied (tes or claimed tec). */
        SUCCESS,
        /** Failed for good in this ledger (tef, tem, tel). */
        FAIL,
        /** May succeed in a later pass (ter, or an unclaimed tec while retrying). */
        RETRY
    }

    public static PreflightResult preflight(EngineSetup setup, Rules rules, STTx tx, int flags) {
        PreflightContext ctx = new PreflightContext(tx, rules, flags, setup);
        TER ter;
        try {
            ter = Transactors.of(tx.type()).preflight().apply(ctx);
        } catch (RuntimeException e) {
            ter = TER.tefEXCEPTION;
        }
        return new PreflightResult(tx, rules, flags, setup, ter);
    }

    public static PreclaimResult preclaim(PreflightResult pf, ReadView view) {
        TER pfTer = pf.ter();
        if (!pf.rules().equals(view.rules())) {
            pfTer = preflight(pf.setup(), view.rules(), pf.tx(), pf.flags()).ter();
        }
        PreclaimContext ctx = new PreclaimContext(view, pfTer, pf.tx(), pf.flags(), pf.setup());
        if (pfTer != TER.tesSUCCESS) {
            return PreclaimResult.of(ctx, pfTer, 0);
        }
        try {
            TransactorType type = Transactors.of(pf.tx().type());
            long baseFee = type.calculateBaseFee().applyAsLong(ctx);
            if (!pf.tx().account().equals(AccountId.ZERO)) {
                TER r = Transactor.checkSeq(ctx);
                if (r == TER.tesSUCCESS) {
                    r = Transactor.checkFee(ctx, baseFee);
                }
                if (r == TER.tesSUCCESS) {
                    r = Transactor.checkSign(ctx);
                }
                if (r != TER.tesSUCCESS) {
                    return PreclaimResult.of(ctx, r, baseFee);
                }
            }
            return PreclaimResult.of(ctx, type.preclaim().apply(ctx), baseFee);
        } catch (RuntimeException e) {
            return PreclaimResult.of(ctx, TER.tefEXCEPTION, 0);
        }
    }

    public static ApplyResult doApply(PreclaimResult pc, OpenView view) {
        if (pc.view().seq() != view.seq()) {
            return new ApplyResult(TER.tefEXCEPTION, false);
        }
        if (!pc.likelyToClaimFee()) {
            return new ApplyResult(pc.ter(), false);
        }
        try {
            ApplyContext ctx = new ApplyContext(view, pc.tx(), pc.ter(), pc.baseFee(), pc.flags(), pc.setup());
            return Transactors.of(pc.tx().type()).transactor().apply(ctx).run();
        } catch (RuntimeException e) {
            return new ApplyResult(TER.tefEXCEPTION, false);
        }
    }

    /** All three stages against {@code view} (rippled's {@code apply}). */
    public static ApplyResult apply(EngineSetup setup, OpenView view, STTx tx, int flags) {
        PreflightResult pf = preflight(setup, view.rules(), tx, flags);
        return doApply(preclaim(pf, view), view);
    }

    /**
     * Applies with the retry classification consensus and the open ledger use (rippled's
     * {@code applyTransaction}): {@code retryAssured} adds {@link ApplyFlags#RETRY}, so a tec is retried
     * later rather than claimed now.
     */
    public static Outcome applyTransaction(EngineSetup setup, OpenView view, STTx tx, boolean retryAssured,
                                           int flags) {
        if (retryAssured) {
            flags |= ApplyFlags.RETRY;
        }
        ApplyResult r;
        try {
            r = apply(setup, view, tx, flags);
        } catch (RuntimeException e) {
            return Outcome.FAIL;
        }
        if (r.applied()) {
            return Outcome.SUCCESS;
        }
        TER t = r.ter();
        if (t.isTef() || t.isTem() || t.isTel()) {
            return Outcome.FAIL;
        }
        return Outcome.RETRY;
    }

    /** The transaction's cost in fee units against {@code view} (rippled's {@code calculateBaseFee}). */
    public static long calculateBaseFee(EngineSetup setup, ReadView view, STTx tx) {
        PreclaimContext ctx = new PreclaimContext(view, TER.tesSUCCESS, tx, ApplyFlags.NONE, setup);
        return Transactors.of(tx.type()).calculateBaseFee().applyAsLong(ctx);
    }
}
