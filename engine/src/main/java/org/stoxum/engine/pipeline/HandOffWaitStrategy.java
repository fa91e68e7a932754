package org.stoxum.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;

/**
 * Blocks a stage until the stage before it, not only the publishers, has moved past the wanted slot.
 *
 * <p>Disruptor's {@code BlockingWaitStrategy} sleeps only while the ring is empty; once an event is
 * published it busy-spins until every upstream stage is done with it. Our writer waits behind signature
 * checks (tens of microseconds each), so on a two-core machine it spun for as long as the verifier worked,
 * taking the core the verifier, the socket threads and the client needed. Here every stage that finishes
 * an event calls {@link #signalAllWhenBlocking()} (publishers already do), and a waiter that found nothing
 * after a short spin sleeps on a monitor until one of them does.
 *
 * <p>Between the spin and the sleep the waiter yields its core for a while: most hand-offs under load
 * come within tens of microseconds, and one caught while yielding costs neither side a system call to
 * sleep or to wake, where each sleep and wake-up pair cost both threads several microseconds. A signal
 * costs one fence and one volatile read while nobody sleeps; the monitor is taken only when somebody does.
 */
final class HandOffWaitStrategy implements WaitStrategy {
    /** Spins before sleeping: a few microseconds, about one hand-off between two running threads. */
    private static final int SPINS = 100;
    /** How long a waiter yields before it sleeps. */
    private static final long YIELD_NANOS = 50_000;

    private final Object mutex = new Object();
    private volatile int sleepers;

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        long available = dependentSequence.get();
        for (int i = 0; available < sequence && i < SPINS; i++) {
            barrier.checkAlert();
            Thread.onSpinWait();
            available = dependentSequence.get();
        }
        if (available >= sequence) {
            return available;
        }
        long yieldUntil = System.nanoTime() + YIELD_NANOS;
        while ((available = dependentSequence.get()) < sequence && System.nanoTime() - yieldUntil < 0) {
            barrier.checkAlert();
            Thread.yield();
        }
        if (available >= sequence) {
            return available;
        }
        synchronized (mutex) {
            sleepers++;
            try {
                // The count is raised before the re-check, and signalers publish before they read it:
                // whichever comes second sees the other, so no wake-up is lost.
                VarHandle.fullFence();
                while ((available = dependentSequence.get()) < sequence) {
                    barrier.checkAlert();
                    mutex.wait();
                }
            } finally {
                sleepers--;
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence();
        if (sleepers != 0) {
            synchronized (mutex) {
                mutex.notifyAll();
            }
        }
    }
}
