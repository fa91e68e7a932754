package org.stoxum.engine.consensus;

import java.util.Optional;
import org.stoxum.codec.types.Hash256;

/**
 * What the validations table asks of the application: time, ledgers, and a place for stale validations.
 *
 * @param <V> validation type
 * @param <L> ledger type
 */
public interface ValidationsAdaptor<V, L extends TrieLedger> {
    /** Network time (NetClock seconds), for staleness. */
    long now();

    /** Monotonic milliseconds, for expiry and the increasing-sequence rule. */
    long monotonicMs();

    /** A validation just stopped being current (stoxumd writes these to its database). Keep it quick. */
    void onStale(V validation);

    /** The ledger {@code id} if held; otherwise start acquiring it and return empty. */
    Optional<L> acquire(Hash256 id);
}
