package org.stoxum.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.NetworkProfile;

/** The load generator's parts that can break without a server: options, signing, report, result codes. */
class LoadGeneratorPiecesTest {

    @Test
    void defaultsCloseEveryThousandOverFourWebSockets() {
        LoadOptions o = LoadOptions.parse();
        assertEquals(URI.create("ws://127.0.0.1:51233"), o.wsUrl());
        assertEquals(0, o.rate());
        assertEquals(1000, o.closeEvery());
        assertEquals(0, o.closeIntervalMs());
        assertEquals(4, o.connections());
        assertEquals(LoadOptions.Transport.WS, o.transport());
        assertEquals(LoadOptions.Watch.LEDGERS, o.watch());
    }

    @Test
    void parsesEveryOption() {
        LoadOptions o = LoadOptions.parse("--url", "ws://localhost:6006", "--http", "http://127.0.0.1:5005",
                "--accounts", "1_000_000", "--payments", "50,000", "--rate", "2500", "--close-interval-ms", "1000",
                "--connections", "2", "--transport", "HTTP", "--max-seconds", "30", "--markdown", "x.md",
                "--watch", "Transactions", "--warmup-seconds", "20");
        assertEquals(1_000_000, o.accounts());
        assertEquals(50_000, o.payments());
        assertEquals(2500, o.rate());
        assertEquals(0, o.closeEvery());
        assertEquals(1000, o.closeIntervalMs());
        assertEquals(LoadOptions.Transport.HTTP, o.transport());
        assertEquals(URI.create("http://127.0.0.1:5005"), o.httpUrl());
        assertEquals(30, o.maxSeconds());
        assertEquals("x.md", o.markdownOut());
        assertEquals(LoadOptions.Watch.TRANSACTIONS, o.watch());
        assertEquals(20, o.warmupSeconds());
        assertEquals(0, LoadOptions.parse("--rate", "max").rate());
    }

    @Test
    void refusesBadOptionsNamingThem() {
        assertMessage("--accounts", "--accounts", "1000001");
        assertMessage("--payments", "--payments", "lots");
        assertMessage("unknown option", "--bogus", "1");
        assertMessage("needs a value", "--rate");
        assertMessage("exclude", "--close-every", "10", "--close-interval-ms", "100");
        assertMessage("127.0.0.1", "--url", "ws://example.com:51233");
        assertMessage("ws://", "--url", "http://127.0.0.1:51233");
        assertMessage("ws or http", "--transport", "udp");
        assertMessage("ledgers or transactions", "--watch", "ledger");
    }

    private static void assertMessage(String part, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void signedPaymentIsAValidTransactionWithItsHash() {
        KeyPair from = PaymentSigner.genesis();
        KeyPair to = PaymentSigner.account(7);
        PaymentSigner.Signed s = PaymentSigner.sign(from, to.accountId(), 42, 1_000_000);
        byte[] blob = Hex.decode(s.blobHex());
        STObject tx = BinaryCodec.readTransaction(blob);
        assertEquals("xmB23jLgWpAxb2DingE2kNuduzABYU8WMy", from.accountId().toAddress(NetworkProfile.STOXUM));
        assertEquals(from.accountId(), tx.getAccountId(SField.ACCOUNT));
        assertEquals(to.accountId(), tx.getAccountId(SField.DESTINATION));
        assertEquals(42, tx.getU32(SField.SEQUENCE));
        assertEquals(1_000_000, tx.getAmount(SField.AMOUNT).drops());
        assertEquals(BinaryCodec.transactionId(blob).toString(), s.hash());
        assertTrue(PublicKey.of(tx.getBlob(SField.SIGNING_PUB_KEY)).verify(BinaryCodec.signingData(tx),
                tx.getBlob(SField.TXN_SIGNATURE), true));
    }

    @Test
    void reportCountsResultsAndFormatsPercentiles() {
        LoadReport r = new LoadReport();
        for (int i = 1; i <= 1000; i++) {
            r.result("tesSUCCESS", i * 1000L, true);
            r.validated(i * 2000L, true);
        }
        r.result("terQUEUED", 5000, true);
        r.result("tooBusy", 10, true);
        r.result("tefPAST_SEQ", 10, true);
        assertEquals(1001, r.accepted());
        assertEquals(1003, r.answered());
        String text = r.format(false, "t", 2.0, 4.0);
        assertTrue(text.contains("accepted/s      501 (1,001 accepted)"), text);
        assertTrue(text.contains("tooBusy         1"), text);
        assertTrue(text.contains("other results   tefPAST_SEQ 1, terQUEUED 1"), text);
        assertTrue(text.contains("validated/s     250 (1,000 validated in 4.00 s)"), text);
        assertTrue(text.matches("(?s).*submit -> validated\\s+1000\\.\\d\\d\\s+1800\\.\\d\\d\\s+1980\\.\\d\\d.*"), text);
        String md = r.format(true, "t", 2.0, 4.0);
        assertTrue(md.startsWith("## t\n"), md);
        assertTrue(md.contains("| latency (ms) | p50 | p90 | p99 | p99.9 | max | count |"), md);
        assertTrue(md.contains("| submit -> validated | 1000."), md);
    }

    @Test
    void warmUpSubmissionsCountButStayOutOfThePercentiles() {
        LoadReport r = new LoadReport();
        r.result("tesSUCCESS", 900_000_000L, false);
        r.validated(900_000_000L, false);
        r.result("tesSUCCESS", 1000, true);
        r.validated(2000, true);
        assertEquals(2, r.answered());
        assertEquals(2, r.accepted());
        assertEquals(2, r.validatedCount());
        String text = r.format(false, "t", 1.0, 1.0);
        assertTrue(text.matches("(?s).*submit -> result\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+1\n.*"), text);
    }

    @Test
    void emptyHistogramPrintsDashes() {
        String text = new LoadReport().format(false, "t", 0, 0);
        assertTrue(text.matches("(?s).*submit -> result\\s+-\\s+-\\s+-\\s+-\\s+-\\s+0\n.*"), text);
    }

    @Test
    void submitCodeIsTheEngineResultElseTheErrorToken() {
        ObjectNode ok = RpcClient.JSON.createObjectNode().put("engine_result", "tesSUCCESS");
        ObjectNode busy = RpcClient.JSON.createObjectNode().put("error", "tooBusy");
        assertEquals("tesSUCCESS", LoadGenerator.code(ok, null));
        assertEquals("tooBusy", LoadGenerator.code(busy, null));
        assertEquals("exception:IllegalStateException", LoadGenerator.code(null, new IllegalStateException()));
        assertFalse(LoadGenerator.code(RpcClient.JSON.createObjectNode(), null).isEmpty());
    }
}
