package org.stoxum.engine.tx;

import java.util.Set;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.tx.jtx.Env;

/**
 * The amendment sets rippled's payment tests run under ({@code sa - featureFlow - fix1373 - ...}): the
 * pre-Flow engine (with the Taker crossing offers, as rippled's set also drops FlowCross), Flow with
 * toStrandV1, and Flow with fix1373. The offer tests' sets are {@link FeatureSet}.
 */
enum PaymentEngines {
    /** rippled's RippleCalc of 0.90 without Flow (the genesis of {@code --standalone} without {@code --start}). */
    FLOW_V1(Amendments.FLOW, Amendments.FIX1373, Amendments.FLOW_CROSS),
    /** Flow building strands with toStrandV1. */
    FLOW_WITHOUT_FIX1373(Amendments.FIX1373),
    /** Flow with every fix. */
    FLOW_ALL;

    private final Set<Hash256> removed;

    PaymentEngines(Hash256... removed) {
        this.removed = Set.of(removed);
    }

    /** A STOXUM-profile chain at network time 0 with this set of amendments. */
    Env env() {
        return FeatureSet.without(NetworkProfile.STOXUM, removed);
    }

    /** rippled's test environment (ripple profile, time 0) with this set of amendments. */
    Env rippledEnv() {
        return FeatureSet.without(NetworkProfile.RIPPLE, removed);
    }

    boolean flow() {
        return this != FLOW_V1;
    }
}
