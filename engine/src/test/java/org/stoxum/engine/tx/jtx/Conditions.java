package org.stoxum.engine.tx.jtx;

import java.util.function.Consumer;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;

/** Conditions for {@link Env#require}. */
public final class Conditions {
    private Conditions() {
    }

    public static Consumer<Env> balance(Account a, STAmount expected) {
        return env -> {
            long got = env.balance(a);
            if (got != expected.drops()) {
                throw new AssertionError(a + " balance: expected " + expected.drops() + " drops, got " + got);
            }
        };
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
