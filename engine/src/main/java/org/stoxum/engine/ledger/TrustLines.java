package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;

/**
 * Trust lines (RippleState entries) and the issued balances on them (rippled's {@code View.cpp} and
 * {@code Credit.cpp}). A line between two accounts keeps its Balance from the low account's side (the
 * smaller account id): positive when the high account owes the low one. Each side has its own limit,
 * qualities and flags, and a reserve flag saying whether the line counts in that side's OwnerCount.
 */
public final class TrustLines {
    private TrustLines() {
    }

    /**
     * Creates a line and links it into both owner directories (rippled's {@code trustCreate}).
     *
     * @param srcHigh    {@code src} is the high account of the line
     * @param sleAccount the account root (peeked from {@code view}) charged the reserve
     * @param balance    the starting balance from {@code src}'s side (issuer: the "no account" one)
     * @param limit      the limit of the account being set, issued by it
     */
    public static TER trustCreate(ApplyView view, boolean srcHigh, AccountId src, AccountId dst, Keylet line,
                                  SLE sleAccount, boolean auth, boolean noRipple, boolean freeze,
                                  STAmount balance, STAmount limit, long qualityIn, long qualityOut) {
        AccountId low = srcHigh ? dst : src;
        AccountId high = srcHigh ? src : dst;
        SLE state = SLE.create(line);
        view.insert(state);
        Long lowNode = Directories.dirAdd(view, Keylets.ownerDir(low), state.key(), false,
                Directories.describeOwnerDir(low));
        if (lowNode == null) {
            return TER.tecDIR_FULL;
        }
        Long highNode = Directories.dirAdd(view, Keylets.ownerDir(high), state.key(), false,
                Directories.describeOwnerDir(high));
        if (highNode == null) {
            return TER.tecDIR_FULL;
        }
        boolean setDst = limit.issuer().equals(dst);
        boolean setHigh = srcHigh ^ setDst;
        SLE peer = view.peek(Keylets.account(setHigh ? low : high));
        STObject o = state.object();
        o.setU64(SField.LOW_NODE, lowNode);
        o.setU64(SField.HIGH_NODE, highNode);
        o.setAmount(setHigh ? SField.HIGH_LIMIT : SField.LOW_LIMIT, limit);
        o.setAmount(setHigh ? SField.LOW_LIMIT : SField.HIGH_LIMIT,
                STAmount.zero(balance.currency(), setDst ? src : dst));
        if (qualityIn != 0) {
            o.setU32(setHigh ? SField.HIGH_QUALITY_IN : SField.LOW_QUALITY_IN, qualityIn);
        }
        if (qualityOut != 0) {
            o.setU32(setHigh ? SField.HIGH_QUALITY_OUT : SField.LOW_QUALITY_OUT, qualityOut);
        }
        long flags = setHigh ? LedgerFlags.HIGH_RESERVE : LedgerFlags.LOW_RESERVE;
        if (auth) {
            flags |= setHigh ? LedgerFlags.HIGH_AUTH : LedgerFlags.LOW_AUTH;
        }
        if (noRipple) {
            flags |= setHigh ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE;
        }
        if (freeze) {
            flags |= setHigh ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE;
        }
        if ((peer.object().getFlags() & LedgerFlags.DEFAULT_RIPPLE) == 0) {
            // the other side rippling is off by default
            flags |= setHigh ? LedgerFlags.LOW_NO_RIPPLE : LedgerFlags.HIGH_NO_RIPPLE;
        }
        o.setU32(SField.FLAGS, flags);
        Views.adjustOwnerCount(view, sleAccount, 1);
        o.setAmount(SField.BALANCE, setHigh ? balance.negate() : balance);
        view.creditHook(src, dst, balance, balance.zeroed());
        return TER.tesSUCCESS;
    }

    /** Unlinks a line from both owner directories and erases it (rippled's {@code trustDelete}). */
    public static TER trustDelete(ApplyView view, SLE state, AccountId low, AccountId high) {
        STObject o = state.object();
        boolean hasLowNode = o.isPresent(SField.LOW_NODE);
        boolean hasHighNode = o.isPresent(SField.HIGH_NODE);
        TER ter = Directories.dirDelete(view, false, o.getU64(SField.LOW_NODE), Keylets.ownerDir(low), state.key(),
                false, !hasLowNode);
        if (ter == TER.tesSUCCESS) {
            ter = Directories.dirDelete(view, false, o.getU64(SField.HIGH_NODE), Keylets.ownerDir(high),
                    state.key(), false, !hasHighNode);
        }
        view.erase(state);
        return ter;
    }

    /**
     * Moves {@code amount} directly between two accounts on their line, creating it when missing, and
     * releases the sender's reserve (possibly deleting the line) when its side returns to the default
     * (rippled's {@code rippleCredit}). One of the two is normally the issuer.
     */
    public static TER rippleCredit(ApplyView view, AccountId sender, AccountId receiver, STAmount amount) {
        Currency currency = amount.currency();
        boolean senderHigh = sender.compareTo(receiver) > 0;
        Keylet k = Keylets.line(sender, receiver, currency);
        SLE state = view.peek(k);
        if (state == null) {
            STAmount receiverLimit = STAmount.zero(currency, receiver);
            STAmount balance = Views.withIssuer(amount, AccountId.ONE);
            SLE receiverRoot = view.peek(Keylets.account(receiver));
            boolean noRipple = (receiverRoot.object().getFlags() & LedgerFlags.DEFAULT_RIPPLE) == 0;
            return trustCreate(view, senderHigh, sender, receiver, k, receiverRoot, false, noRipple, false,
                    balance, receiverLimit, 0, 0);
        }
        STObject o = state.object();
        STAmount balance = o.getAmount(SField.BALANCE);
        if (senderHigh) {
            balance = balance.negate();
        }
        view.creditHook(sender, receiver, amount, balance);
        STAmount before = balance;
        balance = balance.subtract(amount);
        long flags = o.getFlags();
        boolean delete = false;
        if (releasesReserve(view, o, senderHigh, sender, before, balance)) {
            Views.adjustOwnerCount(view, view.peek(Keylets.account(sender)), -1);
            o.setU32(SField.FLAGS, flags & ~(senderHigh ? LedgerFlags.HIGH_RESERVE : LedgerFlags.LOW_RESERVE));
            delete = balance.isZero() && (flags & (senderHigh ? LedgerFlags.LOW_RESERVE : LedgerFlags.HIGH_RESERVE)) == 0;
        }
        if (senderHigh) {
            balance = balance.negate();
        }
        o.setAmount(SField.BALANCE, balance);
        if (delete) {
            return trustDelete(view, state, senderHigh ? receiver : sender, senderHigh ? sender : receiver);
        }
        view.update(state);
        return TER.tesSUCCESS;
    }

    /**
     * True when a payment took the sender's balance from positive to zero or below while everything else
     * on its side of the line is at the default: its reserve can be released.
     */
    private static boolean releasesReserve(ReadView view, STObject line, boolean senderHigh, AccountId sender,
                                           STAmount before, STAmount after) {
        long flags = line.getFlags();
        boolean senderNoRipple = (flags & (senderHigh ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE)) != 0;
        boolean senderDefaultRipple = (view.read(Keylets.account(sender)).getFlags() & LedgerFlags.DEFAULT_RIPPLE) != 0;
        return before.signum() > 0
                && after.signum() <= 0
                && (flags & (senderHigh ? LedgerFlags.HIGH_RESERVE : LedgerFlags.LOW_RESERVE)) != 0
                && senderNoRipple != senderDefaultRipple
                && (flags & (senderHigh ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE)) == 0
                && line.getAmount(senderHigh ? SField.HIGH_LIMIT : SField.LOW_LIMIT).isZero()
                && line.getU32(senderHigh ? SField.HIGH_QUALITY_IN : SField.LOW_QUALITY_IN) == 0
                && line.getU32(senderHigh ? SField.HIGH_QUALITY_OUT : SField.LOW_QUALITY_OUT) == 0;
    }

    /**
     * Sends an issued amount regardless of limits (rippled's {@code rippleSend}): directly when either side
     * is the issuer, else through the issuer with the sender paying the transfer fee.
     */
    static TER rippleSend(ApplyView view, AccountId sender, AccountId receiver, STAmount amount) {
        AccountId issuer = amount.issuer();
        if (sender.equals(issuer) || receiver.equals(issuer) || issuer.equals(AccountId.ONE)) {
            rippleCredit(view, sender, receiver, amount);
            return TER.tesSUCCESS;
        }
        STAmount actual;
        if (!Views.after(Views.FIX1141_TIME, view.parentCloseTime())) {
            Rate rate = Views.transferRate(view, issuer);
            STAmount fee = rate.equals(Rate.PARITY) ? amount.zeroed() : rate.multiply(amount).subtract(amount);
            actual = fee.isZero() ? amount : amount.add(fee);
            actual = Views.withIssuer(actual, issuer);
        } else {
            actual = Views.transferRate(view, issuer).multiply(amount);
        }
        TER ter = rippleCredit(view, issuer, receiver, amount);
        if (ter == TER.tesSUCCESS) {
            ter = rippleCredit(view, sender, issuer, actual);
        }
        return ter;
    }

    /** The limit {@code account} set on its line with {@code issuer}, issued by {@code account}; zero without a line. */
    public static STAmount creditLimit(ReadView view, AccountId account, AccountId issuer, Currency currency) {
        STObject line = view.read(Keylets.line(account, issuer, currency));
        if (line == null) {
            return STAmount.zero(new Issue(currency, account));
        }
        return Views.withIssuer(line.getAmount(account.compareTo(issuer) < 0 ? SField.LOW_LIMIT : SField.HIGH_LIMIT),
                account);
    }

    /**
     * What {@code issuer} owes {@code account} on their line, from {@code account}'s side, issued by
     * {@code account} (rippled's {@code creditBalance}); zero without a line.
     */
    public static STAmount creditBalance(ReadView view, AccountId account, AccountId issuer, Currency currency) {
        STObject line = view.read(Keylets.line(account, issuer, currency));
        if (line == null) {
            return STAmount.zero(new Issue(currency, account));
        }
        STAmount balance = line.getAmount(SField.BALANCE);
        if (account.compareTo(issuer) < 0) {
            balance = balance.negate();
        }
        return Views.withIssuer(balance, account);
    }
}
