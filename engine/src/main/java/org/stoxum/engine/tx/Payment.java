package org.stoxum.engine.tx;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.tx.paths.Flow;
import org.stoxum.engine.tx.paths.RippleCalc;

/**
 * Payment (rippled's {@code Payment.cpp}). A direct native payment (which creates the destination account
 * when needed) is applied here; a payment that must ripple (issued currency, paths or SendMax) goes
 * through the payment engine ({@link RippleCalc}).
 */
public final class Payment extends Transactor {
    /** Most paths in a PathSet an open ledger accepts. */
    public static final int MAX_PATH_SIZE = 6;
    /** Most steps in one path an open ledger accepts. */
    public static final int MAX_PATH_LENGTH = 8;

    static final TransactorType TYPE = TransactorType.of(Payment::preflight, Payment::preclaim, Payment::new);

    private Payment(ApplyContext ctx) {
        super(ctx);
    }

    /** The largest amount the sender can spend: SendMax, else Amount (as the sender's own issue). */
    private static STAmount maxSourceAmount(STObject tx, AccountId account) {
        STAmount dst = tx.getAmount(SField.AMOUNT);
        if (tx.isPresent(SField.SEND_MAX)) {
            return tx.getAmount(SField.SEND_MAX);
        }
        if (dst.isNative()) {
            return dst;
        }
        return STAmount.of(new Issue(dst.currency(), account), dst.mantissa(), dst.exponent(), dst.signum() < 0);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        long flags = tx.getFlags();
        if ((flags & TxFlags.PAYMENT_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        boolean partial = (flags & TxFlags.PARTIAL_PAYMENT) != 0;
        boolean limitQuality = (flags & TxFlags.LIMIT_QUALITY) != 0;
        boolean defaultPaths = (flags & TxFlags.NO_RIPPLE_DIRECT) == 0;
        boolean hasPaths = tx.isPresent(SField.PATHS);
        boolean hasMax = tx.isPresent(SField.SEND_MAX);
        AccountId account = ctx.tx().account();
        STAmount dst = tx.getAmount(SField.AMOUNT);
        STAmount max = maxSourceAmount(tx, account);
        Currency srcCurrency = max.currency();
        Currency dstCurrency = dst.currency();
        boolean xrpDirect = srcCurrency.isNative() && dstCurrency.isNative();
        if (!dst.isLegalNet() || !max.isLegalNet()) {
            return TER.temBAD_AMOUNT;
        }
        AccountId destination = tx.getAccountId(SField.DESTINATION);
        if (destination.equals(AccountId.ZERO)) {
            return TER.temDST_NEEDED;
        }
        if (hasMax && max.signum() <= 0) {
            return TER.temBAD_AMOUNT;
        }
        if (dst.signum() <= 0) {
            return TER.temBAD_AMOUNT;
        }
        if (Currency.BAD.equals(srcCurrency) || Currency.BAD.equals(dstCurrency)) {
            return TER.temBAD_CURRENCY;
        }
        if (account.equals(destination) && srcCurrency.equals(dstCurrency) && !hasPaths) {
            return TER.temREDUNDANT;
        }
        if (xrpDirect && hasMax) {
            return TER.temBAD_SEND_XRP_MAX;
        }
        if (xrpDirect && hasPaths) {
            return TER.temBAD_SEND_XRP_PATHS;
        }
        if (xrpDirect && partial) {
            return TER.temBAD_SEND_XRP_PARTIAL;
        }
        if (xrpDirect && limitQuality) {
            return TER.temBAD_SEND_XRP_LIMIT;
        }
        if (xrpDirect && !defaultPaths) {
            return TER.temBAD_SEND_XRP_NO_DIRECT;
        }
        if (tx.isPresent(SField.DELIVER_MIN)) {
            if (!partial) {
                return TER.temBAD_AMOUNT;
            }
            STAmount dMin = tx.getAmount(SField.DELIVER_MIN);
            if (!dMin.isLegalNet() || dMin.signum() <= 0) {
                return TER.temBAD_AMOUNT;
            }
            if (!dMin.issue().equals(dst.issue())) {
                return TER.temBAD_AMOUNT;
            }
            if (dMin.compareTo(dst) > 0) {
                return TER.temBAD_AMOUNT;
            }
        }
        return preflight2(ctx);
    }

    static TER preclaim(PreclaimContext ctx) {
        STObject tx = ctx.tx().object();
        boolean partial = (tx.getFlags() & TxFlags.PARTIAL_PAYMENT) != 0;
        boolean hasPaths = tx.isPresent(SField.PATHS);
        boolean hasMax = tx.isPresent(SField.SEND_MAX);
        STAmount dst = tx.getAmount(SField.AMOUNT);
        STObject sleDst = ctx.view().read(Keylets.account(tx.getAccountId(SField.DESTINATION)));
        if (sleDst == null) {
            if (!dst.isNative()) {
                return TER.tecNO_DST;
            }
            if (ctx.view().open() && partial) {
                return TER.telNO_DST_PARTIAL;
            }
            if (dst.drops() < ctx.view().fees().accountReserve(0)) {
                return TER.tecNO_DST_INSUF_XRP;
            }
        } else if ((sleDst.getFlags() & LedgerFlags.REQUIRE_DEST_TAG) != 0 && !tx.isPresent(SField.DESTINATION_TAG)) {
            return TER.tecDST_TAG_NEEDED;
        }
        if (hasPaths || hasMax || !dst.isNative()) {
            STPathSet paths = tx.isPresent(SField.PATHS) ? tx.getPathSet(SField.PATHS) : STPathSet.EMPTY;
            boolean tooBig = paths.size() > MAX_PATH_SIZE;
            for (var path : paths.paths()) {
                tooBig |= path.size() > MAX_PATH_LENGTH;
            }
            if (ctx.view().open() && tooBig) {
                return TER.telBAD_PATH_COUNT;
            }
        }
        return TER.tesSUCCESS;
    }

    /**
     * A payment through the payment engine: the default path and the given paths, within SendMax; a
     * partial payment records what it delivered (and fails short of DeliverMin).
     */
    private TER ripple(STObject tx, AccountId destination, STAmount dst) {
        long flags = tx.getFlags();
        STPathSet paths = tx.isPresent(SField.PATHS) ? tx.getPathSet(SField.PATHS) : STPathSet.EMPTY;
        RippleCalc.Input input = new RippleCalc.Input((flags & TxFlags.PARTIAL_PAYMENT) != 0,
                (flags & TxFlags.NO_RIPPLE_DIRECT) == 0, (flags & TxFlags.LIMIT_QUALITY) != 0);
        PaymentSandbox pv = new PaymentSandbox(view());
        Flow.Output rc = RippleCalc.rippleCalculate(pv, maxSourceAmount(tx, account), dst, destination, account,
                paths, input);
        pv.apply(view());
        TER ter = rc.ter();
        if (ter == TER.tesSUCCESS && !rc.actualOut().valueEquals(dst)) {
            if (tx.isPresent(SField.DELIVER_MIN) && rc.actualOut().compareTo(tx.getAmount(SField.DELIVER_MIN)) < 0) {
                ter = TER.tecPATH_PARTIAL;
            } else {
                ctx.deliver(rc.actualOut());
            }
        }
        // a retry code from the engine is not worth retrying: claim the fee
        return ter.isTer() ? TER.tecPATH_DRY : ter;
    }

    @Override
    protected TER doApply() {
        STObject tx = tx();
        AccountId destination = tx.getAccountId(SField.DESTINATION);
        STAmount dst = tx.getAmount(SField.AMOUNT);
        Keylet k = Keylets.account(destination);
        SLE sleDst = view().peek(k);
        if (sleDst == null) {
            sleDst = SLE.create(k);
            sleDst.object().setAccountId(SField.ACCOUNT, destination);
            sleDst.object().setU32(SField.SEQUENCE, 1);
            view().insert(sleDst);
        } else {
            view().update(sleDst);
        }
        boolean reqDepositAuth = (sleDst.object().getFlags() & LedgerFlags.DEPOSIT_AUTH) != 0
                && view().rules().enabled(Amendments.DEPOSIT_AUTH);
        boolean ripple = tx.isPresent(SField.PATHS) || tx.isPresent(SField.SEND_MAX) || !dst.isNative();
        if (ripple && reqDepositAuth) {
            return TER.tecNO_PERMISSION;
        }
        if (ripple) {
            return ripple(tx, destination, dst);
        }
        long ownerCount = view().read(Keylets.account(account)).getU32(SField.OWNER_COUNT);
        long reserve = view().fees().accountReserve(ownerCount);
        long mmm = Math.max(reserve, tx.getAmount(SField.FEE).drops());
        if (priorBalance < dst.drops() + mmm) {
            return TER.tecUNFUNDED_PAYMENT;
        }
        if (reqDepositAuth) {
            long dstReserve = view().fees().accountReserve(0);
            if (dst.drops() > dstReserve || sleDst.object().getAmount(SField.BALANCE).drops() > dstReserve) {
                return TER.tecNO_PERMISSION;
            }
        }
        SLE source = view().peek(Keylets.account(account));
        source.object().setAmount(SField.BALANCE, STAmount.ofDrops(sourceBalance - dst.drops()));
        sleDst.object().setAmount(SField.BALANCE,
                STAmount.ofDrops(sleDst.object().getAmount(SField.BALANCE).drops() + dst.drops()));
        if ((sleDst.object().getFlags() & LedgerFlags.PASSWORD_SPENT) != 0) {
            sleDst.object().clearFlag(LedgerFlags.PASSWORD_SPENT);
        }
        return TER.tesSUCCESS;
    }
}
