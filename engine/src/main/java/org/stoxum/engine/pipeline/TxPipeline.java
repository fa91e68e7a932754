package org.stoxum.engine.pipeline;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorThreeArg;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.engine.metrics.Counter;
import org.stoxum.engine.metrics.Histogram;
import org.stoxum.engine.metrics.Metric;

/**
 * The node's intake: a multi-producer Disruptor ring feeding decode and signature checks spread over
 * worker threads, then one writer that owns the open ledger.
 *
 * <p>Producers (API threads, peer links, cluster links) never block: {@link #trySubmit} fails when the
 * ring is full and the caller answers {@code tooBusy}; an accepted event is never dropped. The writer
 * sees events in publication order, so a close command lands between exactly the transactions
 * published before and after it.
 *
 * <p>Peers' proposals and validations ({@link #tryPeerMessage}) share the ring: their signatures are checked
 * by the same verifier threads, batched with the transactions', and the writer delivers them in order. The
 * writer only hands them on (to the consensus thread, or a charge to the peer), so transactions never wait
 * behind consensus work, and consensus sees a peer's messages in the order they arrived.
 */
public final class TxPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TxPipeline.class);

    /** Ring slots when not configured: enough for a burst of one large ledger. */
    public static final int DEFAULT_RING_SIZE = 1 << 16;

    /** One static, non-capturing translator per prior verdict, so publishing allocates nothing. */
    private static final SubmitTranslator[] SUBMIT_TRANSLATORS = {
        new SubmitTranslator(PipelineEvent.UNCHECKED),
        new SubmitTranslator(PipelineEvent.GOOD),
        new SubmitTranslator(PipelineEvent.BAD),
    };

    /** Indexed by the prior verdict, as {@link #SUBMIT_TRANSLATORS}. */
    private static final PeerMessageTranslator[] PEER_TRANSLATORS = {
        new PeerMessageTranslator(PipelineEvent.UNCHECKED),
        new PeerMessageTranslator(PipelineEvent.GOOD),
    };

    private static final EventTranslatorTwoArg<PipelineEvent, Object, PipelineCallback> COMMAND_TRANSLATOR =
        (event, seq, command, callback) -> {
            event.clear();
            event.kind = PipelineEvent.COMMAND;
            event.command = command;
            event.callback = callback;
            event.publishedNanos = System.nanoTime();
        };

    private final Disruptor<PipelineEvent> disruptor;
    private final RingBuffer<PipelineEvent> ring;
    private final Counters counters = new Counters();

    /**
     * @param stages    the work
     * @param ringSize  slots, a power of two
     * @param verifiers threads decoding and verifying in parallel (1 or 2 on a two-core machine)
     * @param wait      {@code blocking} (threads sleep while the stage before them is busy; see
     *                  {@link HandOffWaitStrategy}), {@code sleeping}, {@code yielding} or {@code busy-spin}
     */
    public TxPipeline(PipelineStages stages, int ringSize, int verifiers, String wait) {
        if (verifiers < 1) {
            throw new IllegalArgumentException("at least one verifier thread is needed");
        }
        WaitStrategy strategy = waitStrategy(wait);
        disruptor = new Disruptor<>(PipelineEvent::new, ringSize, DaemonThreadFactory.INSTANCE,
                ProducerType.MULTI, strategy);
        // Disruptor's shutdown ignores processors whose threads have not started yet, so a pipeline
        // closed right after construction could halt them with events unprocessed: wait for all.
        CountDownLatch started = new CountDownLatch(verifiers + 1);
        @SuppressWarnings("unchecked")
        EventHandler<PipelineEvent>[] workers = new EventHandler[verifiers];
        for (int i = 0; i < verifiers; i++) {
            workers[i] = new VerifyHandler(stages, i, verifiers, started, strategy, counters);
        }
        disruptor.handleEventsWith(workers).then(new WriterHandler(stages, started, counters));
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        ring = disruptor.start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the pipeline", e);
        }
        LOG.info("pipeline started: {} slots, {} verifier thread(s), {} wait", ringSize, verifiers, wait);
    }

    /**
     * Offers a signed transaction. Returns false, without blocking, when the ring is full.
     *
     * @param alreadyVerified the verdict a trusted cluster member reported, or {@link PipelineEvent#UNCHECKED}
     */
    public boolean trySubmit(byte[] blob, Object source, PipelineCallback callback, int alreadyVerified) {
        boolean published = ring.tryPublishEvent(SUBMIT_TRANSLATORS[alreadyVerified], blob, source, callback);
        (published ? counters.submitted : counters.refused).inc();
        return published;
    }

    /**
     * Offers a peer's proposal or validation. Returns false, without blocking, when the ring is full: the
     * caller drops the message and charges nothing (the ring, not the peer, is short of room).
     *
     * @param kind          {@link PipelineEvent#PROPOSAL} or {@link PipelineEvent#VALIDATION}
     * @param trustedSender the sender is a cluster member, whose signatures stoxumd does not check again
     */
    public boolean tryPeerMessage(int kind, PeerSignedMessage message, boolean trustedSender) {
        if (kind != PipelineEvent.PROPOSAL && kind != PipelineEvent.VALIDATION) {
            throw new IllegalArgumentException("not a peer message kind: " + kind);
        }
        boolean published = ring.tryPublishEvent(PEER_TRANSLATORS[trustedSender ? 1 : 0], kind, message);
        (published ? counters.peerMessages : counters.refused).inc();
        return published;
    }

    /** Offers a writer command; false, without blocking, when the ring is full. */
    public boolean tryCommand(Object command, PipelineCallback callback) {
        boolean published = ring.tryPublishEvent(COMMAND_TRANSLATOR, command, callback);
        if (!published) {
            counters.refused.inc();
        }
        return published;
    }

    /** The pipeline's counters, for the node's metrics registry. */
    public List<Metric> metrics() {
        return List.of(counters.submitted, counters.refused, counters.verified, counters.rejected,
                counters.applied, counters.failures, counters.commandSeconds, counters.peerMessages,
                counters.peerVerified, counters.peerBadSignatures);
    }

    /** Free slots now: the back-pressure gauge for metrics and load reporting. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    public int capacity() {
        return ring.getBufferSize();
    }

    /** Drains what was accepted, then stops the threads. */
    @Override
    public void close() {
        disruptor.shutdown();
    }

    /**
     * What went through the pipeline. Bumped by the producers and the stage threads; a counter is one
     * uncontended add, so the hot path stays allocation-free.
     */
    private static final class Counters {
        final Counter submitted = new Counter("stoxumd_tx_submitted_total",
                "Transactions accepted into the pipeline ring.");
        final Counter refused = new Counter("stoxumd_pipeline_refused_total",
                "Transactions, commands, proposals and validations refused because the ring was full "
                        + "(answered tooBusy, or the peer's message dropped).");
        final Counter verified = new Counter("stoxumd_tx_signature_verifications_total",
                "Transactions whose signatures the verify stage checked.");
        final Counter rejected = new Counter("stoxumd_tx_rejected_total",
                "Transactions refused before the open ledger: undecodable, bad signature or local checks.");
        final Counter applied = new Counter("stoxumd_tx_applied_total",
                "Transactions the writer applied to the open ledger (whatever their result code).");
        final Counter failures = new Counter("stoxumd_pipeline_stage_failures_total",
                "Events a pipeline stage failed on with an error (each is logged): a storage error closing "
                        + "a ledger, say.");
        final Histogram commandSeconds = new Histogram("stoxumd_pipeline_command_seconds",
                "Time the single writer spent on one command or task: closing or accepting a ledger, "
                        + "and every other piece of work handed to the writer (see stoxumd_ledger_close_* for "
                        + "ledger closes).",
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
        final Counter peerMessages = new Counter("stoxumd_peer_consensus_messages_total",
                "Peers' proposals and validations accepted into the pipeline ring.");
        final Counter peerVerified = new Counter("stoxumd_peer_signature_verifications_total",
                "Peers' proposals and validations whose signatures the verify stage checked.");
        final Counter peerBadSignatures = new Counter("stoxumd_peer_bad_signatures_total",
                "Peers' proposals and validations refused for a bad signature (their peer charged).");
    }

    static WaitStrategy waitStrategy(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "blocking":
                return new HandOffWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalArgumentException("unknown wait strategy '" + name
                        + "': expected blocking, sleeping, yielding or busy-spin");
        }
    }

    private static final class SubmitTranslator
            implements EventTranslatorThreeArg<PipelineEvent, byte[], Object, PipelineCallback> {
        private final int verdict;

        SubmitTranslator(int verdict) {
            this.verdict = verdict;
        }

        @Override
        public void translateTo(PipelineEvent event, long sequence, byte[] blob, Object source,
                                PipelineCallback callback) {
            event.clear();
            event.kind = PipelineEvent.SUBMIT;
            event.blob = blob;
            event.source = source;
            event.callback = callback;
            event.verdict = verdict;
            event.publishedNanos = System.nanoTime();
        }
    }

    private static final class PeerMessageTranslator
            implements EventTranslatorTwoArg<PipelineEvent, Integer, PeerSignedMessage> {
        private final int verdict;

        PeerMessageTranslator(int verdict) {
            this.verdict = verdict;
        }

        @Override
        public void translateTo(PipelineEvent event, long sequence, Integer kind, PeerSignedMessage message) {
            event.clear();
            event.kind = kind;
            event.message = message;
            event.verdict = verdict;
            event.publishedNanos = System.nanoTime();
        }
    }

    /**
     * Decodes and verifies the events whose sequence falls in its shard. It reports each event done as
     * soon as it is, rather than at the end of its batch, so the writer starts on it at once.
     */
    private static final class VerifyHandler implements EventHandler<PipelineEvent> {
        private final PipelineStages stages;
        private final int shard;
        private final int shards;
        private final CountDownLatch started;
        private final WaitStrategy downstream;
        private final Counters counters;
        private Sequence progress;

        VerifyHandler(PipelineStages stages, int shard, int shards, CountDownLatch started, WaitStrategy downstream,
                      Counters counters) {
            this.stages = stages;
            this.shard = shard;
            this.shards = shards;
            this.started = started;
            this.downstream = downstream;
            this.counters = counters;
        }

        @Override
        public void setSequenceCallback(Sequence sequenceCallback) {
            this.progress = sequenceCallback;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onEvent(PipelineEvent event, long sequence, boolean endOfBatch) {
            if (event.kind != PipelineEvent.COMMAND && sequence % shards == shard) {
                try {
                    if (event.isPeerMessage()) {
                        checkPeerMessage(event);
                    } else {
                        stages.decode(event);
                        if (event.failure == null && event.verdict == PipelineEvent.UNCHECKED) {
                            counters.verified.inc();
                            stages.verify(event);
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.error("decode/verify stage failed on one event", e);
                    counters.failures.inc();
                    event.failure = "internal error: " + e;
                    if (event.isPeerMessage()) {
                        event.verdict = PipelineEvent.UNCHECKED; // delivered as refused, nobody charged
                    }
                }
            }
            progress.set(sequence);
            downstream.signalAllWhenBlocking();
        }

        private void checkPeerMessage(PipelineEvent event) {
            if (!event.message.decode()) {
                event.failure = "refused at decoding";
                event.verdict = PipelineEvent.UNCHECKED;
            } else if (event.verdict == PipelineEvent.UNCHECKED) {
                counters.peerVerified.inc();
                event.verdict = event.message.verify() ? PipelineEvent.GOOD : PipelineEvent.BAD;
            }
        }
    }

    /** The single writer: everything that touches the open ledger happens here. */
    private static final class WriterHandler implements EventHandler<PipelineEvent> {
        private final PipelineStages stages;

        private final CountDownLatch started;
        private final Counters counters;

        WriterHandler(PipelineStages stages, CountDownLatch started, Counters counters) {
            this.stages = stages;
            this.started = started;
            this.counters = counters;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onEvent(PipelineEvent event, long sequence, boolean endOfBatch) {
            try {
                if (event.kind == PipelineEvent.SUBMIT) {
                    boolean refused = event.failure != null || event.verdict == PipelineEvent.BAD;
                    (refused ? counters.rejected : counters.applied).inc();
                    stages.apply(event);
                } else if (event.isPeerMessage()) {
                    if (event.verdict == PipelineEvent.BAD) {
                        counters.peerBadSignatures.inc();
                    }
                    event.message.deliver(event.verdict);
                } else {
                    long start = System.nanoTime();
                    stages.command(event);
                    counters.commandSeconds.observe((System.nanoTime() - start) / 1e9);
                }
            } catch (RuntimeException e) {
                LOG.error("writer stage failed on one event", e);
                counters.failures.inc();
                if (event.callback != null) {
                    event.callback.complete(e);
                }
            } finally {
                if (endOfBatch) {
                    stages.endOfBatch();
                }
                event.blob = null;
                event.decoded = null;
                event.command = null;
                event.message = null;
                event.callback = null;
            }
        }
    }

    private static final class LoggingExceptionHandler implements com.lmax.disruptor.ExceptionHandler<PipelineEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, PipelineEvent event) {
            LOG.error("pipeline event {} failed", sequence, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("pipeline failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("pipeline failed to stop", ex);
        }
    }
}
