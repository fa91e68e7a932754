package org.stoxum.engine.tx;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Views;

/** OfferCancel (rippled's {@code CancelOffer.cpp}): removes one of the sender's offers; a missing one is no error. */
public final class CancelOffer extends Transactor {
    static final TransactorType TYPE = TransactorType.of(CancelOffer::preflight, CancelOffer::preclaim,
            CancelOffer::new);

    private CancelOffer(ApplyContext ctx) {
        super(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        if ((ctx.tx().object().getFlags() & TxFlags.UNIVERSAL_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        if (ctx.tx().object().getU32(SField.OFFER_SEQUENCE) == 0) {
            return TER.temBAD_SEQUENCE;
        }
        return preflight2(ctx);
    }

    static TER preclaim(PreclaimContext ctx) {
        long sequence = ctx.view().read(Keylets.account(ctx.tx().account())).getU32(SField.SEQUENCE);
        if (sequence <= ctx.tx().object().getU32(SField.OFFER_SEQUENCE)) {
            return TER.temBAD_SEQUENCE;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected TER doApply() {
        SLE offer = view().peek(Keylets.offer(account, tx().getU32(SField.OFFER_SEQUENCE)));
        if (offer != null) {
            return Views.offerDelete(view(), offer);
        }
        return TER.tesSUCCESS;
    }
}
