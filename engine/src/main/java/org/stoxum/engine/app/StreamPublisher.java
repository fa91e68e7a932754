package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.pipeline.PipelineCallback;

/**
 * The thread that turns ledgers and transactions into stream messages (rippled's {@code pubLedger} and
 * {@code pubProposedTransaction}). The ledger writer only hands over the immutable objects it already
 * holds; the JSON of a ledger's transactions and their metadata, most of a close's publishing cost, is
 * built here, in parallel with the writer's next transactions.
 *
 * <p>One ring, one consumer: every message leaves in the order it was handed over, so a stream shows a
 * ledger's {@code ledgerClosed} before its transactions, those in ledger order, and ledgers in the order
 * they were validated. A reply handed over with {@link #after} (or with a proposed transaction) completes
 * only once everything handed over before it was sent: a client that gets its {@code submit} or
 * {@code ledger_accept} answer has already been sent what those caused on the streams it follows, as
 * when publishing ran on the writer.
 *
 * <p>Producers are the ledger writer and, on a network, the thread that counts validations. A full ring
 * makes them wait: subscribers must get every event, so there is nothing to drop.
 */
final class StreamPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPublisher.class);

    /** Slots: one per validated ledger or proposed transaction; thousands of ledgers behind is already broken. */
    static final int RING_SIZE = 1 << 12;

    private static final int LEDGER = 1;
    private static final int PROPOSED = 2;
    private static final int REPLY = 3;

    /** One hand-over; slots are reused, and cleared after use so they keep nothing alive. */
    private static final class Slot {
        int kind;
        Ledger ledger;
        String completeLedgers;
        STTx tx;
        TER ter;
        long openSeq;
        PipelineCallback reply;
        Object outcome;

        void clear() {
            ledger = null;
            completeLedgers = null;
            tx = null;
            ter = null;
            reply = null;
            outcome = null;
        }
    }

    private final Subscriptions subscriptions;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    StreamPublisher(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        CountDownLatch started = new CountDownLatch(1);
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "stream-publisher");
            t.setDaemon(true);
            return t;
        };
        disruptor = new Disruptor<>(Slot::new, RING_SIZE, threads, ProducerType.MULTI, new BlockingWaitStrategy());
        disruptor.handleEventsWith(new Handler(started));
        ring = disruptor.start();
        try {
            // Disruptor's shutdown ignores a handler whose thread has not started: a publisher closed at
            // once could otherwise leave replies uncompleted.
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the stream publisher", e);
        }
    }

    /** Publishes a validated ledger: {@code ledgerClosed}, then its transactions. */
    void ledgerValidated(Ledger ledger, String completeLedgers) {
        long seq = ring.next();
        Slot s = ring.get(seq);
        s.kind = LEDGER;
        s.ledger = ledger;
        s.completeLedgers = completeLedgers;
        ring.publish(seq);
    }

    /**
     * Publishes a transaction just applied to the open ledger numbered {@code openSeq} to the proposed
     * streams, then completes {@code reply} with {@code outcome} (when not null).
     */
    void proposed(STTx tx, TER ter, long openSeq, PipelineCallback reply, Object outcome) {
        long seq = ring.next();
        Slot s = ring.get(seq);
        s.kind = PROPOSED;
        s.tx = tx;
        s.ter = ter;
        s.openSeq = openSeq;
        s.reply = reply;
        s.outcome = outcome;
        ring.publish(seq);
    }

    /** Completes {@code reply} with {@code outcome} once everything handed over before it was published. */
    void after(PipelineCallback reply, Object outcome) {
        long seq = ring.next();
        Slot s = ring.get(seq);
        s.kind = REPLY;
        s.reply = reply;
        s.outcome = outcome;
        ring.publish(seq);
    }

    /** Hand-overs not yet published (a subscriber or the publisher falling behind shows here first). */
    int backlog() {
        return RING_SIZE - (int) ring.remainingCapacity();
    }

    /** Sends a serverStatus message to the server stream, after everything handed over before it. */
    void server(ObjectNode msg) {
        after(ignored -> subscriptions.server(msg), null);
    }

    /** Publishes what was handed over, then stops the thread. */
    @Override
    public void close() {
        disruptor.shutdown();
    }

    private final class Handler implements EventHandler<Slot> {
        private final CountDownLatch started;

        Handler(CountDownLatch started) {
            this.started = started;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onEvent(Slot s, long sequence, boolean endOfBatch) {
            try {
                switch (s.kind) {
                    case LEDGER -> subscriptions.ledgerValidated(s.ledger, s.completeLedgers);
                    case PROPOSED -> subscriptions.proposed(s.tx, s.ter, s.openSeq);
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("publishing to the streams failed", e);
            }
            try {
                if (s.reply != null) {
                    s.reply.complete(s.outcome);
                }
            } catch (RuntimeException e) {
                LOG.error("completing a reply after publishing failed", e);
            } finally {
                s.clear();
            }
        }
    }
}
