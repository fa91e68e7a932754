package org.stoxum.engine.ledger;

import java.util.HashMap;
import java.util.Map;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;

/**
 * A sandbox for payments (rippled's {@code PaymentSandbox}): besides the tentative changes it records
 * every credit made through it, so that balances read through it leave out what the payment itself
 * credited. Liquidity a payment creates can therefore never feed the same payment (or another strand of
 * it). Sandboxes made over a parent PaymentSandbox see the parent's records too, and pass theirs up when
 * applied into it.
 */
public final class PaymentSandbox extends ApplyViewBase {
    private final PaymentSandbox parent;
    private final DeferredCredits tab = new DeferredCredits();

    /** A payment sandbox over a plain editable view (no deferred credits below it). */
    public PaymentSandbox(ApplyView base) {
        super(base, base.flags());
        this.parent = null;
    }

    /** A payment sandbox over any view, with explicit flags. */
    public PaymentSandbox(ReadView base, int flags) {
        super(base, flags);
        this.parent = null;
    }

    /** A payment sandbox over another: its deferred credits count here, and {@link #apply(PaymentSandbox)} merges into it. */
    public PaymentSandbox(PaymentSandbox parent) {
        super(parent, parent.flags());
        this.parent = parent;
    }

    /** Writes the changes (not the credit records) into {@code to}, a view that is not a PaymentSandbox parent. */
    public void apply(RawView to) {
        if (parent != null) {
            throw new IllegalStateException("a chained payment sandbox applies into its parent");
        }
        items.apply(to);
    }

    /** Writes the changes and the credit records into {@code to}, the sandbox this one was made over. */
    public void apply(PaymentSandbox to) {
        if (parent != to) {
            throw new IllegalStateException("a payment sandbox applies only into its parent");
        }
        items.apply(to);
        tab.applyTo(to.tab);
    }

    @Override
    public STAmount balanceHook(AccountId account, AccountId issuer, STAmount amount) {
        Currency currency = amount.currency();
        STAmount adjusted = amount;
        if (Views.after(Views.FIX1141_TIME, parentCloseTime())) {
            STAmount delta = amount.zeroed();
            STAmount lastBal = amount;
            STAmount minBal = amount;
            for (PaymentSandbox sb = this; sb != null; sb = sb.parent) {
                DeferredCredits.Adjustment adj = sb.tab.adjustments(account, issuer, currency);
                if (adj != null) {
                    delta = delta.add(adj.debits());
                    lastBal = adj.origBalance();
                    if (lastBal.compareTo(minBal) < 0) {
                        minBal = lastBal;
                    }
                }
            }
            adjusted = STAmount.min(amount, lastBal.subtract(delta));
            if (rules().enabled(Amendments.FIX1368)) {
                adjusted = STAmount.min(adjusted, minBal);
            }
            if (Views.after(Views.FIX1274_TIME, parentCloseTime())) {
                adjusted = Views.withIssuer(adjusted, amount.issuer());
            }
        } else {
            for (PaymentSandbox sb = this; sb != null; sb = sb.parent) {
                DeferredCredits.Adjustment adj = sb.tab.adjustments(account, issuer, currency);
                if (adj != null) {
                    adjusted = adjusted.subtract(adj.credits());
                }
            }
        }
        if (issuer.equals(AccountId.ZERO) && adjusted.signum() < 0) {
            adjusted = adjusted.zeroed();
        }
        return adjusted;
    }

    @Override
    public long ownerCountHook(AccountId account, long count) {
        long result = count;
        for (PaymentSandbox sb = this; sb != null; sb = sb.parent) {
            Long adj = sb.tab.ownerCounts.get(account);
            if (adj != null) {
                result = Math.max(result, adj);
            }
        }
        return result;
    }

    @Override
    public void creditHook(AccountId from, AccountId to, STAmount amount, STAmount preCreditBalance) {
        tab.credit(from, to, amount, preCreditBalance);
    }

    @Override
    public void adjustOwnerCountHook(AccountId account, long current, long next) {
        tab.ownerCounts.merge(account, Math.max(current, next), Math::max);
    }

    /**
     * Credits made in one sandbox, per trust line (or native balance against the zero account): what each
     * side received, and the low side's balance before the first credit.
     */
    private static final class DeferredCredits {
        private record Key(AccountId low, AccountId high, Currency currency) {
            static Key of(AccountId a, AccountId b, Currency c) {
                return a.compareTo(b) < 0 ? new Key(a, b, c) : new Key(b, a, c);
            }
        }

        private static final class Value {
            STAmount lowAcctCredits;
            STAmount highAcctCredits;
            STAmount lowAcctOrigBalance;

            Value copy() {
                Value v = new Value();
                v.lowAcctCredits = lowAcctCredits;
                v.highAcctCredits = highAcctCredits;
                v.lowAcctOrigBalance = lowAcctOrigBalance;
                return v;
            }
        }

        /** From the point of view of one account: what it sent, what it received, its first balance. */
        record Adjustment(STAmount debits, STAmount credits, STAmount origBalance) {
        }

        private final Map<Key, Value> credits = new HashMap<>();
        final Map<AccountId, Long> ownerCounts = new HashMap<>();

        void credit(AccountId sender, AccountId receiver, STAmount amount, STAmount preCreditSenderBalance) {
            Key k = Key.of(sender, receiver, amount.currency());
            Value v = credits.get(k);
            boolean senderLow = sender.compareTo(receiver) < 0;
            if (v == null) {
                v = new Value();
                if (senderLow) {
                    v.highAcctCredits = amount;
                    v.lowAcctCredits = amount.zeroed();
                    v.lowAcctOrigBalance = preCreditSenderBalance;
                } else {
                    v.highAcctCredits = amount.zeroed();
                    v.lowAcctCredits = amount;
                    v.lowAcctOrigBalance = preCreditSenderBalance.negate();
                }
                credits.put(k, v);
            } else if (senderLow) {
                v.highAcctCredits = v.highAcctCredits.add(amount);
            } else {
                v.lowAcctCredits = v.lowAcctCredits.add(amount);
            }
        }

        Adjustment adjustments(AccountId main, AccountId other, Currency currency) {
            Value v = credits.get(Key.of(main, other, currency));
            if (v == null) {
                return null;
            }
            if (main.compareTo(other) < 0) {
                return new Adjustment(v.highAcctCredits, v.lowAcctCredits, v.lowAcctOrigBalance);
            }
            return new Adjustment(v.lowAcctCredits, v.highAcctCredits, v.lowAcctOrigBalance.negate());
        }

        /** Adds these records to {@code to}'s; the original balance recorded first there is kept. */
        void applyTo(DeferredCredits to) {
            for (Map.Entry<Key, Value> e : credits.entrySet()) {
                Value toVal = to.credits.get(e.getKey());
                if (toVal == null) {
                    to.credits.put(e.getKey(), e.getValue().copy());
                } else {
                    toVal.lowAcctCredits = toVal.lowAcctCredits.add(e.getValue().lowAcctCredits);
                    toVal.highAcctCredits = toVal.highAcctCredits.add(e.getValue().highAcctCredits);
                }
            }
            for (Map.Entry<AccountId, Long> e : ownerCounts.entrySet()) {
                to.ownerCounts.merge(e.getKey(), e.getValue(), Math::max);
            }
        }
    }
}
