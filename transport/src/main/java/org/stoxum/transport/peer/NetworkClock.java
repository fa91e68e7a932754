package org.stoxum.transport.peer;

/** The network clock: seconds since 2000-01-01T00:00:00Z (stoxumd's NetClock). */
@FunctionalInterface
public interface NetworkClock {
    /** Seconds between the Unix epoch and the network epoch. */
    long EPOCH_OFFSET_SECONDS = 946_684_800L;

    /** The system clock on the network epoch. */
    NetworkClock SYSTEM = () -> System.currentTimeMillis() / 1000 - EPOCH_OFFSET_SECONDS;

    /** Now, in network seconds. */
    long now();
}
