package org.stoxum.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TxPipelineTest {

    /** Records what each stage saw; the writer's list is touched by one thread only. */
    private static final class Recorder implements PipelineStages {
        final List<String> applied = new ArrayList<>();
        final Set<String> verifierThreads = ConcurrentHashMap.newKeySet();
        final CountDownLatch writerGate;

        Recorder(CountDownLatch writerGate) {
            this.writerGate = writerGate;
        }

        @Override
        public void decode(PipelineEvent e) {
            String text = new String(e.blob());
            if (text.startsWith("garbage")) {
                e.fail("not a transaction");
            } else {
                e.decoded(text);
            }
        }

        @Override
        public void verify(PipelineEvent e) {
            verifierThreads.add(Thread.currentThread().getName());
            e.verdict(((String) e.decoded()).endsWith("forged") ? PipelineEvent.BAD : PipelineEvent.GOOD);
        }

        @Override
        public void apply(PipelineEvent e) {
            await();
            String outcome = e.failure() != null ? "malformed"
                    : e.verdict() == PipelineEvent.GOOD ? "applied " + e.decoded() : "bad signature";
            applied.add(outcome);
            if (e.callback() != null) {
                e.callback().complete(outcome);
            }
        }

        @Override
        public void command(PipelineEvent e) {
            await();
            applied.add("command " + e.command());
            if (e.callback() != null) {
                e.callback().complete("closed");
            }
        }

        private void await() {
            try {
                writerGate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void writerSeesEventsInPublicationOrderWithVerdicts() throws Exception {
        Recorder r = new Recorder(new CountDownLatch(0));
        CountDownLatch done = new CountDownLatch(1);
        try (TxPipeline p = new TxPipeline(r, 1024, 2, "blocking")) {
            assertTrue(p.trySubmit("tx1".getBytes(), "api", null, PipelineEvent.UNCHECKED));
            assertTrue(p.trySubmit("tx2-forged".getBytes(), "api", null, PipelineEvent.UNCHECKED));
            assertTrue(p.trySubmit("garbage".getBytes(), "peer", null, PipelineEvent.UNCHECKED));
            assertTrue(p.tryCommand("close", o -> done.countDown()));
            assertTrue(p.trySubmit("tx3".getBytes(), "api", null, PipelineEvent.UNCHECKED));
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("applied tx1", "bad signature", "malformed", "command close", "applied tx3"), r.applied);
    }

    @Test
    void verdictFromTrustedMemberSkipsVerification() throws Exception {
        Recorder r = new Recorder(new CountDownLatch(0));
        try (TxPipeline p = new TxPipeline(r, 64, 1, "blocking")) {
            // "forged" would fail our check, but a cluster member vouched for it: we must not re-check.
            p.trySubmit("tx-forged".getBytes(), "cluster", null, PipelineEvent.GOOD);
        }
        assertEquals(List.of("applied tx-forged"), r.applied);
        assertTrue(r.verifierThreads.isEmpty());
    }

    @Test
    void verificationIsSpreadOverWorkers() {
        Recorder r = new Recorder(new CountDownLatch(0));
        try (TxPipeline p = new TxPipeline(r, 1024, 2, "blocking")) {
            for (int i = 0; i < 200; i++) {
                while (!p.trySubmit(("tx" + i).getBytes(), "api", null, PipelineEvent.UNCHECKED)) {
                    Thread.onSpinWait();
                }
            }
        }
        assertEquals(200, r.applied.size());
        assertEquals(2, r.verifierThreads.size());
    }

    @Test
    void fullRingRefusesWithoutBlockingAndLosesNothingAccepted() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Recorder r = new Recorder(gate);
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        int accepted = 0;
        boolean refused = false;
        try (TxPipeline p = new TxPipeline(r, 8, 1, "blocking")) {
            for (int i = 0; i < 100 && !refused; i++) {
                if (p.trySubmit(("tx" + i).getBytes(), "api", outcomes::add, PipelineEvent.UNCHECKED)) {
                    accepted++;
                } else {
                    refused = true;
                }
            }
            assertTrue(refused, "a stalled writer must make the ring refuse");
            assertFalse(p.tryCommand("close", null));
            gate.countDown();
        }
        assertEquals(accepted, outcomes.size());
        assertEquals(accepted, r.applied.size());
    }

    @Test
    void unknownWaitStrategyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TxPipeline.waitStrategy("fast"));
    }

    /**
     * The writer sleeps while verifiers work and must be woken for every event: trickled one at a time
     * (each hand-off found asleep) and in bursts, from two producers, nothing may be left behind.
     */
    @Test
    void writerAsleepBehindVerifiersMissesNoEvent() throws Exception {
        Recorder r = new Recorder(new CountDownLatch(0));
        int perProducer = 2_000;
        CountDownLatch done = new CountDownLatch(2 * perProducer);
        try (TxPipeline p = new TxPipeline(r, 256, 2, "blocking")) {
            Runnable producer = () -> {
                for (int i = 0; i < perProducer; i++) {
                    byte[] blob = ("tx" + i).getBytes();
                    while (!p.trySubmit(blob, null, o -> done.countDown(), PipelineEvent.UNCHECKED)) {
                        Thread.onSpinWait();
                    }
                    if (i % 100 < 5) {
                        // let the pipeline drain so the next event meets sleeping stages
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    }
                }
            };
            Thread a = new Thread(producer);
            Thread b = new Thread(producer);
            a.start();
            b.start();
            a.join();
            b.join();
            assertTrue(done.await(30, TimeUnit.SECONDS), "events left unapplied: " + done.getCount());
        }
        assertEquals(2 * perProducer, r.applied.size());
    }
}
