package org.stoxum.engine.tx;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.SLE;

/**
 * SetRegularKey (rippled's {@code SetRegularKey.cpp}): sets or removes the regular key. The first change
 * signed with the master key is free and spends the account's free change (lsfPasswordSpent) until a
 * payment arrives.
 */
public final class SetRegularKey extends Transactor {
    static final TransactorType TYPE = new TransactorType(SetRegularKey::preflight, SetRegularKey::calculateBaseFee,
            ctx -> TER.tesSUCCESS, SetRegularKey::new);

    private SetRegularKey(ApplyContext ctx) {
        super(ctx);
    }

    static long calculateBaseFee(PreclaimContext ctx) {
        if (signedWithMaster(ctx.tx())) {
            STObject sle = ctx.view().read(Keylets.account(ctx.tx().account()));
            if (sle != null && (sle.getFlags() & LedgerFlags.PASSWORD_SPENT) == 0) {
                return 0;
            }
        }
        return Transactor.calculateBaseFee(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        if ((ctx.tx().object().getFlags() & TxFlags.UNIVERSAL_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        return preflight2(ctx);
    }

    @Override
    protected TER doApply() {
        SLE sle = view().peek(Keylets.account(account));
        STObject o = sle.object();
        if (feeDue == 0) {
            o.setFlag(LedgerFlags.PASSWORD_SPENT);
        }
        if (tx().isPresent(SField.REGULAR_KEY)) {
            o.setAccountId(SField.REGULAR_KEY, tx().getAccountId(SField.REGULAR_KEY));
        } else {
            if (o.isFlag(LedgerFlags.DISABLE_MASTER) && view().peek(Keylets.signers(account)) == null) {
                return TER.tecNO_ALTERNATIVE_KEY;
            }
            o.remove(SField.REGULAR_KEY);
        }
        return TER.tesSUCCESS;
    }
}
