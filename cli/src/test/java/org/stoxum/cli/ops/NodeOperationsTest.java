package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.engine.metrics.HealthReport;
import org.stoxum.engine.metrics.NodeOperations;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.engine.pipeline.PipelineStages;
import org.stoxum.engine.pipeline.TxPipeline;

/** A running node's health and metrics as {@link NodeOperations} reads them. */
class NodeOperationsTest {

    /** Stages that refuse every transaction at decode and run commands as no-ops. */
    private static final PipelineStages REFUSING = new PipelineStages() {
        @Override
        public void decode(PipelineEvent event) {
            event.fail("test refusal");
        }

        @Override
        public void verify(PipelineEvent event) {
        }

        @Override
        public void apply(PipelineEvent event) {
            event.callback().complete(event.failure());
        }

        @Override
        public void command(PipelineEvent event) {
            event.callback().complete("done");
        }
    };

    @Test
    void aFreshStandAloneNodeIsHealthyAndItsFiguresFollowTheLedger() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true); TxPipeline pipeline = new TxPipeline(REFUSING, 64, 1,
                "blocking")) {
            NodeOperations ops = new NodeOperations(node.app, pipeline);
            HealthReport health = ops.health();
            assertEquals(HealthReport.Level.HEALTHY, health.level(), health.info().toString());
            assertEquals("{\"info\":{}}", health.body().toString());

            node.call("ledger_accept", null);
            CountDownLatch done = new CountDownLatch(2);
            pipeline.trySubmit(new byte[] {1}, null, outcome -> done.countDown(), PipelineEvent.UNCHECKED);
            pipeline.tryCommand("close", outcome -> done.countDown());
            assertTrue(done.await(10, TimeUnit.SECONDS));
            // The writer times a command after the command answers: the count may trail the answer a moment.
            String text = ops.registry().scrape();
            for (long end = System.nanoTime() + 5_000_000_000L;
                 !text.contains("\nstoxumd_pipeline_command_seconds_count 1\n") && System.nanoTime() < end; ) {
                Thread.sleep(10);
                text = ops.registry().scrape();
            }
            long validated = node.app.ledgerMaster().validLedgerIndex();
            assertTrue(text.contains("\nstoxumd_ledger_validated_index " + validated + "\n"), text);
            assertTrue(text.contains("\nstoxumd_ledger_closed_index " + validated + "\n"), text);
            assertTrue(text.contains("\nstoxumd_tx_submitted_total 1\n"), text);
            assertTrue(text.contains("\nstoxumd_tx_rejected_total 1\n"), text);
            assertTrue(text.contains("\nstoxumd_tx_applied_total 0\n"), text);
            assertTrue(text.contains("\nstoxumd_pipeline_command_seconds_count 1\n"), text);
            assertTrue(text.contains("\nstoxumd_pipeline_ring_capacity 64\n"), text);
            assertTrue(text.contains("\nstoxumd_load_factor 1\n"), text);
            assertTrue(text.contains("\nstoxumd_peers 0\n"), text);
            assertTrue(text.contains("\nstoxumd_health 0\n"), text);
            assertTrue(text.contains("# TYPE jvm_memory_heap_used_bytes gauge"), text);
            assertEquals(HealthReport.Level.HEALTHY, ops.health().level(), "stand-alone ignores peers");
        }
    }

    @Test
    void closesAreTimedAndTheStoreAndStreamBacklogsShown() throws Exception {
        try (TestNodes.Node node = TestNodes.start(true); TxPipeline pipeline = new TxPipeline(REFUSING, 64, 1,
                "blocking")) {
            NodeOperations ops = new NodeOperations(node.app, pipeline);
            assertTrue(ops.registry().scrape().contains("\nstoxumd_ledger_close_interval_seconds_count 0\n"));
            node.call("ledger_accept", null);
            node.call("ledger_accept", null);
            node.call("ledger_accept", null);
            String text = ops.registry().scrape();
            assertTrue(text.contains("\nstoxumd_ledger_close_interval_seconds_count 2\n"),
                    "three closes, two intervals between them: " + text);
            assertTrue(text.contains("\nstoxumd_ledger_close_interval_seconds_bucket{le=\"+Inf\"} 2\n"), text);
            assertTrue(text.contains("\nstoxumd_consensus_round_seconds_count 0\n"), "no rounds stand-alone");
            assertTrue(text.contains("\nstoxumd_ledger_build_seconds_count 3\n"), "every close's build is timed: " + text);

            node.app.ledgerMaster().store().flush();
            assertTrue(ops.registry().scrape().contains("\nstoxumd_nodestore_queued_ledgers 0\n"));
            String backlog = ops.registry().scrape();
            assertTrue(backlog.matches("(?s).*\nstoxumd_stream_backlog [0-9]+\n.*"), backlog);
            assertTrue(backlog.contains("# HELP stoxumd_pipeline_command_seconds Time the single writer spent on one "
                    + "command or task"), "command_seconds no longer claims to be the close duration");
        }
    }
}
