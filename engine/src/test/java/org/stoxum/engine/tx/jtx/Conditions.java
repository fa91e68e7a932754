package org.stoxum.engine.tx.jtx;

import java.util.function.Consumer;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;

/** Conditions for {@link Env#require}. */
public final class Conditions {
    private Conditions() {
    }

    /** {@code a} holds {@code expected}: drops, or an issued amount on an existing line (from {@code a}'s side). */
    public static Consumer<Env> balance(Account a, STAmount expected) {
        return env -> {
            if (expected.isNative()) {
                long got = env.balance(a);
                if (got != expected.drops()) {
                    throw new AssertionError(a + " balance: expected " + expected.drops() + " drops, got " + got);
                }
                return;
            }
            STAmount got = env.lineBalance(a, expected.issue());
            if (got == null || !got.valueEquals(expected)) {
                throw new AssertionError(a + " balance: expected " + expected + ", got " + got);
            }
        };
    }

    /** {@code a} has no line for {@code issue}. */
    public static Consumer<Env> noLine(Account a, Issue issue) {
        return env -> {
            if (env.lineBalance(a, issue) != null) {
                throw new AssertionError(a + " has a line for " + issue);
            }
        };
    }

    /** {@code a}'s owner directory holds exactly {@code count} trust lines. */
    public static Consumer<Env> lines(Account a, int count) {
        return env -> {
            long got = env.ownedObjects(a).stream()
                    .filter(o -> o.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.RIPPLE_STATE.code()).count();
            if (got != count) {
                throw new AssertionError(a + " lines: expected " + count + ", got " + got);
            }
        };
    }

    /** {@code a} owns exactly {@code count} offers. */
    public static Consumer<Env> offers(Account a, int count) {
        return env -> {
            int got = env.offers(a).size();
            if (got != count) {
                throw new AssertionError(a + " offers: expected " + count + ", got " + got);
            }
        };
    }

    /** {@code a} has an offer asking {@code takerPays} for {@code takerGets} (values compared as rippled's isOffer). */
    public static Consumer<Env> hasOffer(Account a, STAmount takerPays, STAmount takerGets) {
        return env -> {
            if (!isOffer(env, a, takerPays, takerGets)) {
                throw new AssertionError(a + " has no offer " + takerPays + " for " + takerGets + ": " + env.offers(a));
            }
        };
    }

    /** {@code a} has no offer asking {@code takerPays} for {@code takerGets}. */
    public static Consumer<Env> noOffer(Account a, STAmount takerPays, STAmount takerGets) {
        return env -> {
            if (isOffer(env, a, takerPays, takerGets)) {
                throw new AssertionError(a + " has an offer " + takerPays + " for " + takerGets);
            }
        };
    }

    /** rippled's {@code isOffer}: an offer of {@code a} with these amounts (issuers not compared). */
    public static boolean isOffer(Env env, Account a, STAmount takerPays, STAmount takerGets) {
        for (STObject o : env.offers(a)) {
            STAmount pays = o.getAmount(SField.TAKER_PAYS);
            STAmount gets = o.getAmount(SField.TAKER_GETS);
            if (pays.isComparableWith(takerPays) && pays.valueEquals(takerPays) && gets.isComparableWith(takerGets)
                    && gets.valueEquals(takerGets)) {
                return true;
            }
        }
        return false;
    }

    public static Consumer<Env> owners(Account a, long count) {
        return env -> {
            long got = env.ownerCount(a);
            if (got != count) {
                throw new AssertionError(a + " owner count: expected " + count + ", got " + got);
            }
        };
    }

    public static Consumer<Env> flags(Account a, long mask) {
        return env -> {
            long f = env.root(a).getU32(SField.FLAGS);
            if ((f & mask) != mask) {
                throw new AssertionError(a + " flags " + Long.toHexString(f) + " lack " + Long.toHexString(mask));
            }
        };
    }

    public static Consumer<Env> noFlags(Account a, long mask) {
        return env -> {
            long f = env.root(a).getU32(SField.FLAGS);
            if ((f & mask) != 0) {
                throw new AssertionError(a + " flags " + Long.toHexString(f) + " have " + Long.toHexString(mask));
            }
        };
    }

    public static Consumer<Env> exists(Account a) {
        return env -> {
            if (env.root(a) == null) {
                throw new AssertionError("no account " + a);
            }
        };
    }

    public static Consumer<Env> absent(Account a) {
        return env -> {
            if (env.root(a) != null) {
                throw new AssertionError("account " + a + " exists");
            }
        };
    }
}
