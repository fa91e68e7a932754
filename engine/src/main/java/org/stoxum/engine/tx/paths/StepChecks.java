package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.ReadView;

/** Freeze and NoRipple checks made when a strand is built (rippled's {@code StepChecks.h}). */
final class StepChecks {
    private StepChecks() {
    }

    /** terNO_LINE when {@code dst} froze everything or froze its line with {@code src}. */
    static TER checkFreeze(ReadView view, AccountId src, AccountId dst, Currency currency) {
        STObject dstRoot = view.read(Keylets.account(dst));
        if (dstRoot != null && dstRoot.isFlag(LedgerFlags.GLOBAL_FREEZE)) {
            return TER.terNO_LINE;
        }
        STObject line = view.read(Keylets.line(src, dst, currency));
        if (line != null && line.isFlag(dst.compareTo(src) > 0 ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE)) {
            return TER.terNO_LINE;
        }
        return TER.tesSUCCESS;
    }

    /**
     * terNO_RIPPLE when {@code cur} set NoRipple on both its line from {@code prev} and its line to
     * {@code next}; terNO_LINE when either line is missing.
     */
    static TER checkNoRipple(ReadView view, AccountId prev, AccountId cur, AccountId next, Currency currency) {
        STObject in = view.read(Keylets.line(prev, cur, currency));
        STObject out = view.read(Keylets.line(cur, next, currency));
        if (in == null || out == null) {
            return TER.terNO_LINE;
        }
        boolean inNoRipple = (in.getU32(SField.FLAGS)
                & (cur.compareTo(prev) > 0 ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE)) != 0;
        boolean outNoRipple = (out.getU32(SField.FLAGS)
                & (cur.compareTo(next) > 0 ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE)) != 0;
        return inNoRipple && outNoRipple ? TER.terNO_RIPPLE : TER.tesSUCCESS;
    }
}
