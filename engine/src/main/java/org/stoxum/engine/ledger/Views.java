package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;

/**
 * Ledger helpers shared by transactors (rippled's {@code View.cpp}): owner counts, spendable native
 * balance, native transfers, and the close-time switchovers that predate amendments.
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

    /** Adds {@code amount} to the OwnerCount of the account root {@code sle} and marks it changed. */
    public static void adjustOwnerCount(ApplyView view, SLE sle, int amount) {
        STObject o = sle.object();
        o.setU32(SField.OWNER_COUNT, confineOwnerCount(o.getU32(SField.OWNER_COUNT), amount));
        view.update(sle);
    }

    /**
     * The drops {@code account} can spend above its reserve, given an owner-count change it is about to
     * make; zero when the account is missing or below its reserve (rippled's {@code xrpLiquid}).
     */
    public static long xrpLiquid(ReadView view, AccountId account, int ownerCountAdj) {
        STObject sle = view.read(Keylets.account(account));
        if (sle == null) {
            return 0;
        }
        long ownerCount = sle.getU32(SField.OWNER_COUNT);
        long reserve = after(FIX1141_TIME, view.parentCloseTime())
                ? view.fees().accountReserve(confineOwnerCount(ownerCount, ownerCountAdj))
                : view.fees().accountReserve(ownerCount);
        long balance = sle.getAmount(SField.BALANCE).drops();
        return balance < reserve ? 0 : balance - reserve;
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
