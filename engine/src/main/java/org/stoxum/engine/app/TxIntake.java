package org.stoxum.engine.app;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.pipeline.PipelineCallback;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.engine.pipeline.PipelineStages;
import org.stoxum.engine.tx.LedgerBuilder;
import org.stoxum.engine.tx.LocalChecks;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.engine.tx.TxSignatures;

/**
 * The work of the node's transaction pipeline: decode a submitted blob, check its signatures and local
 * rules in parallel, then, on the single writer thread, apply it to the open ledger or close the ledger.
 */
final class TxIntake implements PipelineStages {
    private static final Logger LOG = LoggerFactory.getLogger(TxIntake.class);

    /**
     * Who submitted a transaction and how it wants it handled.
     *
     * @param local a client of this node submitted it (kept and re-applied to later open ledgers); false for
     *              transactions relayed by peers
     */
    record Submit(boolean unlimited, boolean failHard, boolean local, boolean fromCluster) {
        /** A transaction a peer relayed. */
        static final Submit RELAYED = new Submit(false, false, false, false);
        /** A transaction a cluster member relayed: trusted, so applied whatever our load. */
        static final Submit CLUSTER = new Submit(true, false, false, true);
    }

    /**
     * Signature verdicts shared with the other members of a cluster: a transaction one member checked is not
     * checked again by the others. Called on the verify threads; must not block.
     */
    interface Verdicts {
        /** No cluster: nothing is known, nothing is shared. */
        Verdicts NONE = new Verdicts() {
            @Override
            public Boolean known(Hash256 txId) {
                return null;
            }

            @Override
            public void checked(Hash256 txId, boolean good) {
            }
        };

        /** What a member found of {@code txId}'s signature: true good, false bad, null unknown. */
        Boolean known(Hash256 txId);

        /** We checked {@code txId}'s signature. */
        void checked(Hash256 txId, boolean good);
    }

    /** The writer command that closes the open ledger (stand-alone {@code ledger_accept}). */
    enum Command { ACCEPT_LEDGER }

    /** Work that must run on the writer thread, between transactions (the open ledger's owner). */
    @FunctionalInterface
    interface WriterTask {
        Object run();
    }

    /** The decode and verify stages' findings, carried to the writer. */
    private static final class Checked {
        final STTx tx;
        volatile String problem;

        Checked(STTx tx) {
            this.tx = tx;
        }
    }

    private final NetworkProfile profile;
    private final LedgerMaster ledgers;
    private final TransactionMaster transactions;
    private final ProcessedHook onProcessed;
    private final Verdicts verdicts;
    private final AcceptHook onAccept;
    private final LongSupplier networkTime;
    private final Consumer<WriterTask> toWriter;
    private final Predicate<WriterTask> offerToWriter;
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-close");
        t.setDaemon(true);
        return t;
    });
    /**
     * How long the writer carries transactions over to the next open ledger before it takes the submissions
     * that came meanwhile (a slice also carries twice what came since the last one): a submission waits for
     * about one slice rather than for the whole move (700 payments and 15-25 ms at 5,750 a second).
     */
    private static final long CARRY_SLICE_NANOS = 250_000;
    /**
     * Slices after which the move is finished in one go. A safety net: every slice shrinks what is left to
     * carry, so the move ends well before this unless the writer is starved.
     */
    private static final int MAX_CARRY_SLICES = 400;

    /** Writer thread only: a close is being built or moved to; the {@code ledger_accept}s behind it. */
    private boolean closing;
    /** A close is under way, from its start on the writer to the next open ledger taking over. */
    private volatile boolean closeUnderWay;
    private final ArrayDeque<PipelineCallback> waitingAccepts = new ArrayDeque<>();

    /**
     * What the node does with a transaction the open ledger saw (writer thread): publish and relay it, and
     * complete {@code reply} with {@code outcome}, at once or once what it published has gone out.
     */
    interface ProcessedHook {
        void processed(SubmitOutcome.Processed outcome, Submit how, PipelineCallback reply);
    }

    /**
     * What the node does with a newly closed ledger (writer thread); completes {@code reply} (when not
     * null) with the ledger once it is published.
     */
    interface AcceptHook {
        void accepted(LedgerBuilder.Result built, PipelineCallback reply);
    }

    TxIntake(NetworkProfile profile, LedgerMaster ledgers, TransactionMaster transactions,
             ProcessedHook onProcessed, AcceptHook onAccept, LongSupplier networkTime,
             Verdicts verdicts, Consumer<WriterTask> toWriter, Predicate<WriterTask> offerToWriter) {
        this.toWriter = toWriter;
        this.offerToWriter = offerToWriter;
        this.profile = profile;
        this.verdicts = verdicts;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.onProcessed = onProcessed;
        this.onAccept = onAccept;
        this.networkTime = networkTime;
    }

    @Override
    public void decode(PipelineEvent event) {
        Checked c;
        try {
            c = new Checked(STTx.fromBytes(event.blob()));
        } catch (CodecException e) {
            event.fail(exceptionText(e, event.blob().length));
            return;
        }
        event.decoded(c);
        Boolean known = verdicts.known(c.tx.id());
        if (known != null) {
            if (!known) {
                c.problem = "Invalid signature.";
            }
            event.verdict(known ? PipelineEvent.GOOD : PipelineEvent.BAD);
        }
    }

    /** stoxumd's STTx constructor messages: the length check has its own fixed text. */
    private static String exceptionText(CodecException e, int length) {
        if (length < BinaryCodec.TX_MIN_BYTES
                || length > BinaryCodec.TX_MAX_BYTES) {
            return "Transaction length invalid";
        }
        return e.getMessage();
    }

    @Override
    public void verify(PipelineEvent event) {
        Checked c = (Checked) event.decoded();
        boolean multiSign = ledgers.validatedLedger().rules().enabled(Amendments.MULTI_SIGN);
        TxSignatures.Check check = TxSignatures.check(c.tx, multiSign, profile);
        verdicts.checked(c.tx.id(), check.valid());
        if (!check.valid()) {
            c.problem = check.reason();
            event.verdict(PipelineEvent.BAD);
            return;
        }
        // Derived once here, in parallel, rather than by the transactor on the single writer thread.
        c.tx.signingAccount();
        String local = LocalChecks.check(c.tx);
        if (local != null) {
            c.problem = local;
            event.verdict(PipelineEvent.BAD);
            return;
        }
        event.verdict(PipelineEvent.GOOD);
    }

    @Override
    public void apply(PipelineEvent event) {
        if (event.failure() != null) {
            event.callback().complete(new SubmitOutcome.Rejected(event.failure()));
            return;
        }
        Checked c = (Checked) event.decoded();
        if (event.verdict() == PipelineEvent.BAD) {
            event.callback().complete(new SubmitOutcome.Rejected("fails local checks: " + c.problem));
            return;
        }
        Submit how = (Submit) event.source();
        transactions.seen(c.tx.id(), c.tx.object(), c.tx.bytes());
        int flags = ApplyFlags.NO_CHECK_SIGN | (how.unlimited() ? ApplyFlags.UNLIMITED : 0);
        OpenLedger.Submission s = ledgers.openLedger().submit(c.tx, flags, how.local(), how.failHard());
        SubmitOutcome.Processed done = new SubmitOutcome.Processed(c.tx, s.ter(), s.applied());
        LOG.debug("{} -> {}", c.tx, s.ter());
        onProcessed.processed(done, how, event.callback());
    }

    @Override
    public void command(PipelineEvent event) {
        if (event.command() instanceof WriterTask task) {
            Object result;
            try {
                result = task.run();
            } catch (RuntimeException e) {
                result = e;
            }
            if (event.callback() != null) {
                event.callback().complete(result);
            }
        } else if (event.command() == Command.ACCEPT_LEDGER) {
            if (closing) {
                waitingAccepts.add(event.callback());
            } else {
                beginClose(event.callback());
            }
        }
    }

    /**
     * Fixes the ledger to close on the writer and builds it on the closer thread, so that submissions keep
     * their open-ledger answers while a large ledger is built, rehashed and queued to the store; the writer
     * takes the result back in {@link #finishClose}. A {@code ledger_accept} that comes meanwhile waits its
     * turn: closes run one at a time, in order.
     */
    private void beginClose(PipelineCallback reply) {
        OpenLedger.StandaloneClose close = ledgers.openLedger().beginStandaloneClose(networkTime.getAsLong());
        try {
            closer.execute(() -> {
                Object outcome;
                try {
                    outcome = ledgers.openLedger().buildStandaloneClose(close, ledgers::accept);
                } catch (RuntimeException e) {
                    LOG.error("ledger close failed: {}", e.toString());
                    outcome = e;
                }
                Object finished = outcome;
                toWriter.accept(() -> finishClose(finished, reply));
            });
            closing = true;
            closeUnderWay = true;
        } catch (RejectedExecutionException e) {
            // The node is stopping (an accept that waited behind the last close): answered, not begun. The
            // held transactions retried above stay in the open ledger, which the stop keeps.
            ledgers.openLedger().abandonStandaloneClose();
            if (reply != null) {
                reply.complete(new IllegalStateException("stopping"));
            }
        }
    }

    /**
     * Writer thread: the built ledger replaces the open ledger's parent, a slice at a time (see
     * {@link #carryOver}), or the failure is answered.
     */
    private Object finishClose(Object outcome, PipelineCallback reply) {
        if (outcome instanceof LedgerBuilder.Result built) {
            ledgers.openLedger().beginStandaloneReopen(built);
            return carryOver(built, reply, 1);
        }
        // The open ledger is as it was, so no ledger is skipped in the stored chain.
        ledgers.openLedger().abandonStandaloneClose();
        if (reply != null) {
            reply.complete(outcome);
        }
        closed();
        return null;
    }

    /**
     * Writer thread: one slice of the move to the next open ledger. The next slice goes to the back of the
     * writer's ring, behind the submissions that came meanwhile; with the ring full, or after
     * {@link #MAX_CARRY_SLICES}, the move is finished at once.
     */
    private Object carryOver(LedgerBuilder.Result built, PipelineCallback reply, int slice) {
        OpenLedger open = ledgers.openLedger();
        boolean done = open.continueReopen(slice < MAX_CARRY_SLICES ? System.nanoTime() + CARRY_SLICE_NANOS
                : Long.MAX_VALUE);
        if (!done && !offerToWriter.test(() -> carryOver(built, reply, slice + 1))) {
            done = open.continueReopen(Long.MAX_VALUE);
        }
        if (done) {
            onAccept.accepted(built, reply);
            closed();
        }
        return null;
    }

    /** Writer thread: the close is over; the next waiting {@code ledger_accept} begins. */
    private void closed() {
        closing = false;
        closeUnderWay = false;
        while (!closing && !waitingAccepts.isEmpty()) {
            beginClose(waitingAccepts.poll());
        }
    }

    /**
     * Waits for a close under way to be taken back by the writer (shutdown, before the pipeline stops, so the
     * ledger a {@code ledger_accept} began is not lost).
     */
    void awaitCloses(long timeoutMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        closer.shutdown();
        try {
            boolean built = closer.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
            // The writer still carries the last close over to the next open ledger: the open ledger a stop
            // keeps must be that one, without the transactions the closed ledger holds.
            while (built && closeUnderWay && System.nanoTime() < end) {
                Thread.sleep(1);
            }
            if (!built || closeUnderWay) {
                LOG.warn("a ledger close did not finish within {} ms of shutdown", timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
