package org.stoxum.engine.tx;

import java.util.HashSet;
import java.util.Set;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.tx.jtx.Env;

/**
 * The amendment sets rippled's offer tests run over ({@code Offer_test::run}): every supported amendment,
 * all but fix1373, and all but FlowCross, where offers cross with the older Taker while payments still go
 * through Flow. The payment tests' sets are {@link PaymentEngines}.
 */
enum FeatureSet {
    ALL(Set.of()),
    NO_FIX1373(Set.of(Amendments.FIX1373)),
    NO_FLOW_CROSS(Set.of(Amendments.FLOW_CROSS));

    private final Set<Hash256> removed;

    FeatureSet(Set<Hash256> removed) {
        this.removed = removed;
    }

    boolean flowCross() {
        return !removed.contains(Amendments.FLOW_CROSS);
    }

    /** {@link Env#rippled()} with this set's amendments. */
    Env rippled() {
        return env(NetworkProfile.RIPPLE);
    }

    /** {@link Env#atTimeZero()} with this set's amendments. */
    Env atTimeZero() {
        return env(NetworkProfile.STOXUM);
    }

    private Env env(NetworkProfile p) {
        return without(p, removed);
    }

    /** A chain of {@code p} at network time 0 whose genesis enables every supported amendment but {@code removed}. */
    static Env without(NetworkProfile p, Set<Hash256> removed) {
        Set<Hash256> amendments = new HashSet<>(Amendments.supported());
        amendments.removeAll(removed);
        return new Env(p, Genesis.create(p, amendments, Fees.defaults(p), Set.of()), 0);
    }
}
