package org.stoxum.engine.tx;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;

/**
 * The pseudo-transactions EnableAmendment and SetFee (rippled's {@code Change.cpp}): only their checks.
 * A stand-alone server with default fees and every supported amendment enabled never generates them
 * (no flag-ledger voting happens), and they can never be submitted; applying one is not implemented and
 * answers {@link TER#tefFAILURE} without changing the ledger.
 */
final class Change extends Transactor {
    static final TransactorType TYPE = new TransactorType(Change::preflight, ctx -> 0, Change::preclaim,
            Change::new);

    private Change(ApplyContext ctx) {
        super(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight0(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        if (!ctx.tx().account().equals(AccountId.ZERO)) {
            return TER.temBAD_SRC_ACCOUNT;
        }
        var fee = tx.getAmount(SField.FEE);
        if (!fee.isNative() || !fee.isZero()) {
            return TER.temBAD_FEE;
        }
        if (tx.getBlobLength(SField.SIGNING_PUB_KEY) != 0
                || (tx.isPresent(SField.TXN_SIGNATURE) && tx.getBlobLength(SField.TXN_SIGNATURE) != 0)
                || tx.isPresent(SField.SIGNERS)) {
            return TER.temBAD_SIGNATURE;
        }
        if (ctx.tx().sequence() != 0 || tx.isPresent(SField.PREVIOUS_TXN_ID)) {
            return TER.temBAD_SEQUENCE;
        }
        return TER.tesSUCCESS;
    }

    static TER preclaim(PreclaimContext ctx) {
        if (ctx.view().open()) {
            return TER.temINVALID;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected TER doApply() {
        return TER.tefFAILURE;
    }
}
