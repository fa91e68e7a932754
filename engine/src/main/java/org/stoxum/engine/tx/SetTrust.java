package org.stoxum.engine.tx;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.TrustLines;
import org.stoxum.engine.ledger.Views;

/**
 * TrustSet (rippled's {@code SetTrust.cpp}): creates, changes or deletes the sender's side of a trust
 * line: its limit, qualities, NoRipple, freeze and authorization. A side that returns to every default
 * stops counting toward its owner's reserve, and a line whose both sides are at the default is deleted.
 * An account owning fewer than two objects may create a line without the reserve for it.
 */
public final class SetTrust extends Transactor {
    static final TransactorType TYPE = TransactorType.of(SetTrust::preflight, SetTrust::preclaim, SetTrust::new);

    private SetTrust(ApplyContext ctx) {
        super(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        if ((tx.getFlags() & TxFlags.TRUST_SET_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        STAmount limit = tx.getAmount(SField.LIMIT_AMOUNT);
        if (!limit.isLegalNet()) {
            return TER.temBAD_AMOUNT;
        }
        if (limit.isNative()) {
            return TER.temBAD_LIMIT;
        }
        if (Currency.BAD.equals(limit.currency())) {
            return TER.temBAD_CURRENCY;
        }
        if (limit.signum() < 0) {
            return TER.temBAD_LIMIT;
        }
        AccountId issuer = limit.issuer();
        if (issuer.equals(AccountId.ZERO) || issuer.equals(AccountId.ONE)) {
            return TER.temDST_NEEDED;
        }
        return preflight2(ctx);
    }

    static TER preclaim(PreclaimContext ctx) {
        AccountId id = ctx.tx().account();
        STObject sle = ctx.view().read(Keylets.account(id));
        STObject tx = ctx.tx().object();
        if ((tx.getFlags() & TxFlags.SETF_AUTH) != 0 && (sle.getFlags() & LedgerFlags.REQUIRE_AUTH) == 0) {
            return TER.tefNO_AUTH_REQUIRED;
        }
        STAmount limit = tx.getAmount(SField.LIMIT_AMOUNT);
        AccountId dst = limit.issuer();
        if (id.equals(dst) && ctx.view().read(Keylets.line(id, dst, limit.currency())) == null) {
            // a line to oneself may only be cleaned up, never made
            return TER.temDST_IS_SRC;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected TER doApply() {
        STObject tx = tx();
        STAmount limit = tx.getAmount(SField.LIMIT_AMOUNT);
        boolean hasQualityIn = tx.isPresent(SField.QUALITY_IN);
        boolean hasQualityOut = tx.isPresent(SField.QUALITY_OUT);
        Currency currency = limit.currency();
        AccountId dstId = limit.issuer();
        boolean high = account.compareTo(dstId) > 0;

        SLE sle = view().peek(Keylets.account(account));
        long ownerCount = sle.object().getU32(SField.OWNER_COUNT);
        // The reserve is only enforced beyond the first two owned objects, so that a gateway can fund a
        // new user with just the account reserve.
        long reserveCreate = ownerCount < 2 ? 0 : view().fees().accountReserve(ownerCount + 1);

        long qualityIn = hasQualityIn ? tx.getU32(SField.QUALITY_IN) : 0;
        long qualityOut = hasQualityOut ? tx.getU32(SField.QUALITY_OUT) : 0;
        if (hasQualityOut && qualityOut == Rate.QUALITY_ONE) {
            qualityOut = 0;
        }
        long flags = tx.getFlags();
        boolean setAuth = (flags & TxFlags.SETF_AUTH) != 0;
        boolean setNoRipple = (flags & TxFlags.SET_NO_RIPPLE) != 0;
        boolean clearNoRipple = (flags & TxFlags.CLEAR_NO_RIPPLE) != 0;
        boolean setFreeze = (flags & TxFlags.SET_FREEZE) != 0;
        boolean clearFreeze = (flags & TxFlags.CLEAR_FREEZE) != 0;

        if (account.equals(dstId)) {
            // only a line to oneself made by mistake long ago can get here: remove it
            SLE line = view().peek(Keylets.line(account, dstId, currency));
            return TrustLines.trustDelete(view(), line, account, dstId);
        }
        SLE sleDst = view().peek(Keylets.account(dstId));
        if (sleDst == null) {
            return TER.tecNO_DST;
        }
        STAmount limitAllow = Views.withIssuer(limit, account);
        Keylet lineKey = Keylets.line(account, dstId, currency);
        SLE line = view().peek(lineKey);
        if (line != null) {
            return modifyLine(line, new Side(high, sle, sleDst), limitAllow, hasQualityIn, qualityIn, hasQualityOut,
                    qualityOut, setAuth, setNoRipple, clearNoRipple, setFreeze, clearFreeze, reserveCreate);
        }
        boolean authIsDefault = !view().rules().enabled(Amendments.TRUST_SET_AUTH) || !setAuth;
        if (limit.isZero() && (!hasQualityIn || qualityIn == 0) && (!hasQualityOut || qualityOut == 0)
                && authIsDefault) {
            return TER.tecNO_LINE_REDUNDANT;
        }
        if (priorBalance < reserveCreate) {
            return TER.tecNO_LINE_INSUF_RESERVE;
        }
        return TrustLines.trustCreate(view(), high, account, dstId, lineKey, sle, setAuth,
                setNoRipple && !clearNoRipple, setFreeze && !clearFreeze, STAmount.zero(currency, AccountId.ONE),
                limitAllow, qualityIn, qualityOut);
    }

    /** The two ends of the line: which one the sender is, and both account roots. */
    private record Side(boolean high, SLE sender, SLE other) {
        SLE lowRoot() {
            return high ? other : sender;
        }

        SLE highRoot() {
            return high ? sender : other;
        }

        SField pick(SField lowField, SField highField) {
            return high ? highField : lowField;
        }
    }

    private TER modifyLine(SLE line, Side side, STAmount limitAllow, boolean hasQualityIn, long qualityIn,
                           boolean hasQualityOut, long qualityOut, boolean setAuth, boolean setNoRipple,
                           boolean clearNoRipple, boolean setFreeze, boolean clearFreeze, long reserveCreate) {
        STObject o = line.object();
        boolean high = side.high();
        STAmount lowBalance = o.getAmount(SField.BALANCE);
        STAmount highBalance = lowBalance.negate();

        o.setAmount(side.pick(SField.LOW_LIMIT, SField.HIGH_LIMIT), limitAllow);
        STAmount lowLimit = o.getAmount(SField.LOW_LIMIT);
        STAmount highLimit = o.getAmount(SField.HIGH_LIMIT);

        long[] lowHighIn = setQuality(o, hasQualityIn, qualityIn, side, SField.LOW_QUALITY_IN, SField.HIGH_QUALITY_IN);
        long lowQualityIn = normalize(lowHighIn[0]);
        long highQualityIn = normalize(lowHighIn[1]);
        long[] lowHighOut = setQuality(o, hasQualityOut, qualityOut, side, SField.LOW_QUALITY_OUT,
                SField.HIGH_QUALITY_OUT);

        long flagsIn = o.getFlags();
        long flagsOut = flagsIn;
        long noRippleFlag = high ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE;
        long freezeFlag = high ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE;
        if (setNoRipple && !clearNoRipple && (high ? highBalance : lowBalance).signum() >= 0) {
            flagsOut |= noRippleFlag;
        } else if (clearNoRipple && !setNoRipple) {
            flagsOut &= ~noRippleFlag;
        }
        if (setFreeze && !clearFreeze && !side.sender().object().isFlag(LedgerFlags.NO_FREEZE)) {
            flagsOut |= freezeFlag;
        } else if (clearFreeze && !setFreeze) {
            flagsOut &= ~freezeFlag;
        }
        long lowQualityOut = normalize(lowHighOut[0]);
        long highQualityOut = normalize(lowHighOut[1]);

        boolean lowDefRipple = (side.lowRoot().object().getFlags() & LedgerFlags.DEFAULT_RIPPLE) != 0;
        boolean highDefRipple = (side.highRoot().object().getFlags() & LedgerFlags.DEFAULT_RIPPLE) != 0;
        boolean lowReserveSet = lowQualityIn != 0 || lowQualityOut != 0
                || ((flagsOut & LedgerFlags.LOW_NO_RIPPLE) == 0) != lowDefRipple
                || (flagsOut & LedgerFlags.LOW_FREEZE) != 0
                || !lowLimit.isZero() || lowBalance.signum() > 0;
        boolean highReserveSet = highQualityIn != 0 || highQualityOut != 0
                || ((flagsOut & LedgerFlags.HIGH_NO_RIPPLE) == 0) != highDefRipple
                || (flagsOut & LedgerFlags.HIGH_FREEZE) != 0
                || !highLimit.isZero() || highBalance.signum() > 0;
        boolean isDefault = !lowReserveSet && !highReserveSet;
        boolean lowReserved = (flagsIn & LedgerFlags.LOW_RESERVE) != 0;
        boolean highReserved = (flagsIn & LedgerFlags.HIGH_RESERVE) != 0;
        boolean reserveIncrease = false;

        if (setAuth) {
            flagsOut |= high ? LedgerFlags.HIGH_AUTH : LedgerFlags.LOW_AUTH;
        }
        if (lowReserveSet && !lowReserved) {
            Views.adjustOwnerCount(view(), side.lowRoot(), 1);
            flagsOut |= LedgerFlags.LOW_RESERVE;
            reserveIncrease |= !high;
        }
        if (!lowReserveSet && lowReserved) {
            Views.adjustOwnerCount(view(), side.lowRoot(), -1);
            flagsOut &= ~LedgerFlags.LOW_RESERVE;
        }
        if (highReserveSet && !highReserved) {
            Views.adjustOwnerCount(view(), side.highRoot(), 1);
            flagsOut |= LedgerFlags.HIGH_RESERVE;
            reserveIncrease |= high;
        }
        if (!highReserveSet && highReserved) {
            Views.adjustOwnerCount(view(), side.highRoot(), -1);
            flagsOut &= ~LedgerFlags.HIGH_RESERVE;
        }
        if (flagsIn != flagsOut) {
            o.setU32(SField.FLAGS, flagsOut);
        }
        if (isDefault || Currency.BAD.equals(limitAllow.currency())) {
            AccountId lowId = side.lowRoot().object().getAccountId(SField.ACCOUNT);
            AccountId highId = side.highRoot().object().getAccountId(SField.ACCOUNT);
            return TrustLines.trustDelete(view(), line, lowId, highId);
        }
        if (reserveIncrease && priorBalance < reserveCreate) {
            return TER.tecINSUF_RESERVE_LINE;
        }
        view().update(line);
        return TER.tesSUCCESS;
    }

    /**
     * Sets (non-zero), clears (zero) or leaves (absent from the transaction) the sender's quality field.
     *
     * @return the low and high side values afterwards, as read back (0 when absent)
     */
    private static long[] setQuality(STObject line, boolean present, long value, Side side, SField lowField,
                                     SField highField) {
        SField mine = side.pick(lowField, highField);
        if (present) {
            if (value != 0) {
                line.setU32(mine, value);
            } else {
                line.remove(mine);
            }
        }
        return new long[] {line.getU32(lowField), line.getU32(highField)};
    }

    /** A quality of exactly one is no quality. */
    private static long normalize(long quality) {
        return quality == Rate.QUALITY_ONE ? 0 : quality;
    }
}
