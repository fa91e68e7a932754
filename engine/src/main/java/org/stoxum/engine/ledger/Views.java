package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Ledger helpers shared by transactors and the payment engine (rippled's {@code View.cpp}): owner counts,
 * spendable balances, freezes, transfer rates, sends, offer removal, and the close-time switchovers that
 * predate amendments. Trust-line changes are in {@link TrustLines}.
 */
public final class Views {
    /** fix1141 takes effect for ledgers whose parent closed after 2016-07-01 17:00 UTC. */
    public static final long FIX1141_TIME = 520_707_600L;
    /** fix1274: 2016-09-30 17:00 UTC. */
    public static final long FIX1274_TIME = 528_570_000L;
    /** fix1298: 2016-12-21 18:00 UTC. */
    public static final long FIX1298_TIME = 535_658_400L;
    /** fix1443: 2017-03-12 01:00 UTC. */
    public static final long FIX1443_TIME = 542_595_600L;
    /** fix1449: 2017-03-30 20:00 UTC. */
    public static final long FIX1449_TIME = 544_219_200L;

    private Views() {
    }

    /** True when the time switchover at {@code switchTime} applies to a ledger whose parent closed at {@code parentCloseTime}. */
    public static boolean after(long switchTime, long parentCloseTime) {
        return parentCloseTime > switchTime;
    }

    /**
     * The owner count after adding {@code adjustment}, held within 0..2^32-1 (rippled's
     * {@code confineOwnerCount}).
     */
    static long confineOwnerCount(long current, long adjustment) {
        long adjusted = current + adjustment;
        if (adjusted > 0xFFFF_FFFFL) {
            return 0xFFFF_FFFFL;
        }
        return Math.max(adjusted, 0);
    }

    /**
     * Adds {@code amount} to the OwnerCount of the account root {@code sle} (peeked from {@code view}),
     * tells the view's hook, and marks the root changed.
     */
    public static void adjustOwnerCount(ApplyView view, SLE sle, int amount) {
        STObject o = sle.object();
        long current = o.getU32(SField.OWNER_COUNT);
        long adjusted = confineOwnerCount(current, amount);
        view.adjustOwnerCountHook(o.getAccountId(SField.ACCOUNT), current, adjusted);
        o.setU32(SField.OWNER_COUNT, adjusted);
        view.update(sle);
    }

    /**
     * The drops {@code account} can spend above its reserve, given an owner-count change it is about to
     * make; zero when the account is missing or below its reserve (rippled's {@code xrpLiquid}). Balances and
     * owner counts are read through the view's hooks, so a payment cannot spend what it was credited.
     */
    public static long xrpLiquid(ReadView view, AccountId account, int ownerCountAdj) {
        STObject sle = view.read(Keylets.account(account));
        if (sle == null) {
            return 0;
        }
        if (after(FIX1141_TIME, view.parentCloseTime())) {
            long ownerCount = confineOwnerCount(view.ownerCountHook(account, sle.getU32(SField.OWNER_COUNT)),
                    ownerCountAdj);
            long reserve = view.fees().accountReserve(ownerCount);
            long balance = view.balanceHook(account, AccountId.ZERO, sle.getAmount(SField.BALANCE)).drops();
            return balance < reserve ? 0 : balance - reserve;
        }
        long reserve = view.fees().accountReserve(sle.getU32(SField.OWNER_COUNT));
        long balance = sle.getAmount(SField.BALANCE).drops();
        long amount = balance < reserve ? 0 : balance - reserve;
        return view.balanceHook(account, AccountId.ZERO, STAmount.ofDrops(amount)).drops();
    }

    /** {@code amount} with its issuer replaced (rippled's {@code setIssuer}); the value is untouched. */
    public static STAmount withIssuer(STAmount amount, AccountId issuer) {
        if (amount.isNative() || amount.issuer().equals(issuer)) {
            return amount;
        }
        Issue issue = new Issue(amount.currency(), issuer);
        return amount.isZero() ? STAmount.zero(issue)
                : STAmount.of(issue, amount.mantissa(), amount.exponent(), amount.isNegative());
    }

    /** True when {@code issuer} (not the zero account) has frozen all its issues. */
    public static boolean isGlobalFrozen(ReadView view, AccountId issuer) {
        if (issuer.equals(AccountId.ZERO)) {
            return false;
        }
        STObject sle = view.read(Keylets.account(issuer));
        return sle != null && sle.isFlag(LedgerFlags.GLOBAL_FREEZE);
    }

    /** True when {@code account} may not spend {@code issuer}'s {@code currency}: global or line freeze by the issuer. */
    public static boolean isFrozen(ReadView view, AccountId account, Currency currency, AccountId issuer) {
        if (currency.isNative()) {
            return false;
        }
        STObject sle = view.read(Keylets.account(issuer));
        if (sle != null && sle.isFlag(LedgerFlags.GLOBAL_FREEZE)) {
            return true;
        }
        if (!issuer.equals(account)) {
            STObject line = view.read(Keylets.line(account, issuer, currency));
            return line != null
                    && line.isFlag(issuer.compareTo(account) > 0 ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE);
        }
        return false;
    }

    /**
     * What {@code account} holds of {@code issuer}'s {@code currency} (native: its spendable drops), zero
     * when there is no line or, if {@code zeroIfFrozen}, when frozen (rippled's {@code accountHolds}).
     */
    public static STAmount accountHolds(ReadView view, AccountId account, Currency currency, AccountId issuer,
                                        boolean zeroIfFrozen) {
        if (currency.isNative()) {
            return STAmount.ofDrops(xrpLiquid(view, account, 0));
        }
        Issue issue = new Issue(currency, issuer);
        STAmount amount;
        STObject line = view.read(Keylets.line(account, issuer, currency));
        if (line == null || (zeroIfFrozen && isFrozen(view, account, currency, issuer))) {
            amount = STAmount.zero(issue);
        } else {
            amount = line.getAmount(SField.BALANCE);
            if (account.compareTo(issuer) > 0) {
                amount = amount.negate();
            }
            amount = withIssuer(amount, issuer);
        }
        return view.balanceHook(account, issuer, amount);
    }

    /**
     * What {@code id} can pay of {@code saDefault}'s issue: everything when it is the issuer, else what it
     * holds (rippled's {@code accountFunds}).
     */
    public static STAmount accountFunds(ReadView view, AccountId id, STAmount saDefault, boolean zeroIfFrozen) {
        if (!saDefault.isNative() && saDefault.issuer().equals(id)) {
            return saDefault;
        }
        return accountHolds(view, id, saDefault.currency(), saDefault.issuer(), zeroIfFrozen);
    }

    /** The issuer's TransferRate, or parity. */
    public static Rate transferRate(ReadView view, AccountId issuer) {
        STObject sle = view.read(Keylets.account(issuer));
        if (sle != null && sle.isPresent(SField.TRANSFER_RATE)) {
            return new Rate((int) sle.getU32(SField.TRANSFER_RATE));
        }
        return Rate.PARITY;
    }

    /**
     * Moves {@code amount} from {@code sender} to {@code receiver} regardless of limits (rippled's
     * {@code accountSend}): issued amounts ripple through the issuer, the sender paying any transfer fee;
     * native amounts move without reserve checks, either side may be the zero account (the payment
     * engine's source and sink of native liquidity).
     */
    public static TER accountSend(ApplyView view, AccountId sender, AccountId receiver, STAmount amount) {
        if (amount.isZero() || sender.equals(receiver)) {
            return TER.tesSUCCESS;
        }
        if (!amount.isNative()) {
            return TrustLines.rippleSend(view, sender, receiver, amount);
        }
        boolean fv2Switch = after(FIX1141_TIME, view.parentCloseTime());
        if (!fv2Switch) {
            view.creditHook(sender, receiver, amount, amount.zeroed());
        }
        SLE senderSle = sender.equals(AccountId.ZERO) ? null : view.peek(Keylets.account(sender));
        SLE receiverSle = receiver.equals(AccountId.ZERO) ? null : view.peek(Keylets.account(receiver));
        TER ter = TER.tesSUCCESS;
        if (senderSle != null) {
            STAmount sndBal = senderSle.object().getAmount(SField.BALANCE);
            if (sndBal.compareTo(amount) < 0) {
                ter = view.open() ? TER.telFAILED_PROCESSING : TER.tecFAILED_PROCESSING;
            } else {
                if (fv2Switch) {
                    view.creditHook(sender, AccountId.ZERO, amount, sndBal);
                }
                senderSle.object().setAmount(SField.BALANCE, sndBal.subtract(amount));
                view.update(senderSle);
            }
        }
        if (ter == TER.tesSUCCESS && receiverSle != null) {
            STAmount rcvBal = receiverSle.object().getAmount(SField.BALANCE);
            receiverSle.object().setAmount(SField.BALANCE, rcvBal.add(amount));
            if (fv2Switch) {
                view.creditHook(AccountId.ZERO, receiver, amount, rcvBal.negate());
            }
            view.update(receiverSle);
        }
        return ter;
    }

    /**
     * Removes an offer from its owner's directory and its book page, releases the owner's reserve and
     * erases it (rippled's {@code offerDelete}); null is nothing to do.
     */
    public static TER offerDelete(ApplyView view, SLE offer) {
        if (offer == null) {
            return TER.tesSUCCESS;
        }
        STObject o = offer.object();
        AccountId owner = o.getAccountId(SField.ACCOUNT);
        boolean hasOwnerNode = o.isPresent(SField.OWNER_NODE);
        Hash256 bookDirectory = o.getH256(SField.BOOK_DIRECTORY);
        TER r1 = Directories.dirDelete(view, false, o.getU64(SField.OWNER_NODE), Keylets.ownerDir(owner),
                offer.key(), false, !hasOwnerNode);
        TER r2 = Directories.dirDelete(view, false, o.getU64(SField.BOOK_NODE), Keylets.page(bookDirectory, 0),
                offer.key(), true, false);
        if (r1 == TER.tesSUCCESS) {
            adjustOwnerCount(view, view.peek(Keylets.account(owner)), -1);
        }
        view.erase(offer);
        return r1 == TER.tesSUCCESS ? r2 : r1;
    }

    /**
     * Moves native {@code amount} between two existing accounts without reserve checks (rippled's
     * {@code transferXRP}).
     */
    public static TER transferXRP(ApplyView view, AccountId from, AccountId to, STAmount amount) {
        SLE sender = view.peek(Keylets.account(from));
        SLE receiver = view.peek(Keylets.account(to));
        long drops = amount.drops();
        long balance = sender.object().getAmount(SField.BALANCE).drops();
        if (balance < drops) {
            return view.open() ? TER.telFAILED_PROCESSING : TER.tecFAILED_PROCESSING;
        }
        sender.object().setAmount(SField.BALANCE, STAmount.ofDrops(balance - drops));
        view.update(sender);
        receiver.object().setAmount(SField.BALANCE,
                STAmount.ofDrops(receiver.object().getAmount(SField.BALANCE).drops() + drops));
        view.update(receiver);
        return TER.tesSUCCESS;
    }
}
