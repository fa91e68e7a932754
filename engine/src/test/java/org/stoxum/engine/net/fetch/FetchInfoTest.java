package org.stoxum.engine.net.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.net.fetch.FetchNetwork.Node;

/** What fetch_info shows of ledger acquisitions: under way, done, failed, and after {@code clear}. */
class FetchInfoTest {
    private Ledger ledger;
    private FetchNetwork net;
    private Node a;
    private Node b;

    @BeforeEach
    void network() throws Exception {
        ledger = FetchLedgers.withAccounts(FetchLedgers.closedWithTransactions(), 2_000);
        net = new FetchNetwork();
        a = net.node("a");
        b = net.node("b");
        b.persist(ledger);
    }

    @AfterEach
    void close() throws Exception {
        net.close();
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void anAcquisitionUnderWayShowsWhatItHoldsAndNeedsThenItsCompletionUntilSwept() throws Exception {
        // b answers only the header request: the acquisition holds the header and roots, and stalls.
        b.responder = (self, from, q) -> {
            if (q.itype() == LedgerInfoType.BASE) {
                self.requests.answer(from, q);
            }
        };
        net.connect(a, b);
        String seq = Long.toString(ledger.seq());
        CompletableFuture<Ledger> f = a.ledgers.acquire(ledger.hash(), 0, InboundLedgers.Reason.HISTORY);
        FetchNetwork.await(() -> a.ledgers.info().path(seq).path("have_header").asBoolean(),
                "the header is in, and the entry named by its sequence");
        FetchNetwork.await(() -> a.ledgers.info().path(seq).has("needed_state_hashes"), "state nodes needed");
        ObjectNode info = a.ledgers.info();
        JsonNode entry = info.get(seq);
        assertEquals(List.of(seq), fieldNames(info));
        assertEquals(List.of("hash", "have_header", "have_state", "have_transactions", "needed_state_hashes",
                "needed_transaction_hashes", "peers", "timeouts"), fieldNames(entry), entry.toString());
        assertEquals(ledger.hash().toString(), entry.get("hash").asText());
        assertFalse(entry.get("have_state").asBoolean());
        assertFalse(entry.get("have_transactions").asBoolean());
        assertEquals(16, entry.get("needed_state_hashes").size(), "at most 16 hashes of thousands of nodes");
        assertFalse(entry.get("needed_transaction_hashes").isEmpty());
        assertEquals(1, entry.get("peers").asInt());
        assertEquals(0, entry.get("timeouts").asInt());
        assertFalse(f.isDone());

        b.responder = (self, from, q) -> self.requests.answer(from, q);
        long now = 0;
        while (!f.isDone() && now < 60 * LedgerAcquisition.TIMEOUT_MS) {
            now += LedgerAcquisition.TIMEOUT_MS;
            a.tick(now);
            Thread.sleep(50);
        }
        assertEquals(ledger.hash(), f.get(60, TimeUnit.SECONDS).hash());
        JsonNode done = a.ledgers.info().get(seq);
        assertEquals(List.of("complete", "hash", "have_header", "have_state", "have_transactions", "timeouts"),
                fieldNames(done), done.toString());
        assertTrue(done.get("have_state").asBoolean());

        a.tick(now + InboundLedgers.SWEEP_MS);
        assertEquals(0, a.ledgers.info().size(), "swept a minute after it ended");
    }

    @Test
    void aFailedAcquisitionIsShownUntilClearedAndUnknownSequencesAreNamedByHash() throws Exception {
        b.responder = (self, from, q) -> { };
        net.connect(a, b);
        CompletableFuture<Ledger> f = a.ledgers.acquire(ledger.hash(), 0, InboundLedgers.Reason.GENERIC);
        FetchNetwork.await(() -> !b.received.isEmpty(), "the peer is asked");
        JsonNode under = a.ledgers.info().get(ledger.hash().toString());
        assertEquals(List.of("hash", "have_header", "peers", "timeouts"), fieldNames(under), under.toString());
        for (int i = 1; i <= LedgerAcquisition.MAX_TIMEOUTS + 1; i++) {
            a.tick(i * LedgerAcquisition.TIMEOUT_MS);
            Thread.sleep(20);
        }
        FetchNetwork.await(f::isDone, "the acquisition gives up");
        FetchNetwork.await(() -> a.ledgers.activeCount() == 0, "and is no longer active");
        JsonNode failed = a.ledgers.info().get(ledger.hash().toString());
        assertEquals(List.of("failed", "hash", "have_header", "timeouts"), fieldNames(failed), failed.toString());
        assertEquals(LedgerAcquisition.MAX_TIMEOUTS + 1, failed.get("timeouts").asInt());

        a.ledgers.clearFailures();
        assertEquals(0, a.ledgers.info().size());
    }
}
