package org.stoxum.engine.tx;

import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Amendments;

/**
 * The checks every applied transaction must pass when EnforceInvariants is enabled (rippled's
 * {@code InvariantCheck.cpp}): no native currency created, balances within range, no account root
 * deleted, entry types unchanged and known, no bad offers, escrows or native trust lines. A failure turns
 * the result into tecINVARIANT_FAILED (or tefINVARIANT_FAILED if it was already that).
 */
final class InvariantChecks {
    private InvariantChecks() {
    }

    static TER check(ApplyContext ctx, TER result) {
        if (!ctx.view().rules().enabled(Amendments.ENFORCE_INVARIANTS)) {
            return result;
        }
        long maxDrops = ctx.setup().profile().totalDrops();
        long[] drops = {0};
        boolean[] bad = {false};
        try {
            ctx.visit((key, isDelete, before, after) -> {
                if (before != null) {
                    drops[0] -= nativeHeld(before);
                }
                if (after != null && !(isDelete && type(after) != LedgerEntryType.ACCOUNT_ROOT)) {
                    drops[0] += nativeHeld(after);
                }
                bad[0] |= badBalance(before, maxDrops) || badBalance(after, maxDrops);
                bad[0] |= badOffer(before) || badOffer(after);
                bad[0] |= badEscrow(before, maxDrops) || badEscrow(after, maxDrops);
                bad[0] |= isDelete && before != null && type(before) == LedgerEntryType.ACCOUNT_ROOT;
                bad[0] |= before != null && after != null && type(before) != type(after);
                bad[0] |= after != null && type(after) == null;
                bad[0] |= after != null && type(after) == LedgerEntryType.RIPPLE_STATE
                        && (after.getAmount(SField.LOW_LIMIT).isNative() || after.getAmount(SField.HIGH_LIMIT).isNative());
            });
        } catch (RuntimeException e) {
            bad[0] = true;
        }
        long fee = ctx.tx().object().getAmount(SField.FEE).drops();
        boolean created = !(-fee <= drops[0] && drops[0] <= 0);
        if (bad[0] || created) {
            return result == TER.tecINVARIANT_FAILED ? TER.tefINVARIANT_FAILED : TER.tecINVARIANT_FAILED;
        }
        return result;
    }

    private static LedgerEntryType type(STObject sle) {
        return LedgerEntryType.fromCode(sle.getU16(SField.LEDGER_ENTRY_TYPE));
    }

    /** Native drops the entry holds: account balance, unclaimed channel funds, escrowed amount. */
    private static long nativeHeld(STObject sle) {
        LedgerEntryType t = type(sle);
        if (t == LedgerEntryType.ACCOUNT_ROOT) {
            return sle.getAmount(SField.BALANCE).drops();
        }
        if (t == LedgerEntryType.PAY_CHANNEL) {
            return sle.getAmount(SField.AMOUNT).drops() - sle.getAmount(SField.BALANCE).drops();
        }
        if (t == LedgerEntryType.ESCROW) {
            return sle.getAmount(SField.AMOUNT).drops();
        }
        return 0;
    }

    private static boolean badBalance(STObject sle, long maxDrops) {
        if (sle == null || type(sle) != LedgerEntryType.ACCOUNT_ROOT) {
            return false;
        }
        STAmount b = sle.getAmount(SField.BALANCE);
        return !b.isNative() || b.drops() > maxDrops || b.drops() < 0;
    }

    private static boolean badOffer(STObject sle) {
        if (sle == null || type(sle) != LedgerEntryType.OFFER) {
            return false;
        }
        STAmount pays = sle.getAmount(SField.TAKER_PAYS);
        STAmount gets = sle.getAmount(SField.TAKER_GETS);
        return pays.signum() < 0 || gets.signum() < 0 || (pays.isNative() && gets.isNative());
    }

    private static boolean badEscrow(STObject sle, long maxDrops) {
        if (sle == null || type(sle) != LedgerEntryType.ESCROW) {
            return false;
        }
        STAmount a = sle.getAmount(SField.AMOUNT);
        return !a.isNative() || a.drops() <= 0 || a.drops() >= maxDrops;
    }
}
