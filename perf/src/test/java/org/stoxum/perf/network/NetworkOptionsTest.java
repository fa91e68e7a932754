package org.stoxum.perf.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.perf.load.LoadOptions;

/** The network benchmark's command line, and the load generator's network mode it relies on. */
class NetworkOptionsTest {

    @Test
    void defaultsToThreeValidatorsWithEscalationOutOfTheWay() {
        NetworkOptions o = NetworkOptions.parse("--dist", "/d");
        assertEquals(Path.of("/d"), o.dist());
        assertEquals(3, o.validators());
        assertEquals(300, o.readySeconds());
        assertEquals(NetworkOptions.DEFAULT_MIN_TXN_IN_LEDGER, o.minTxnInLedger());
        assertEquals("", o.nodeJavaOpts());
        assertNull(o.logs());
        assertEquals(List.of(), o.loadArgs());
    }

    @Test
    void passesEverythingAfterTheSeparatorToTheLoadGeneratorWithTheNodesPorts() {
        NetworkOptions o = NetworkOptions.parse("--dist", "/d", "--validators", "5", "--ready-seconds", "60",
                "--min-txn-in-ledger", "5", "--node-java-opts", "-Xmx1g -XX:+UseG1GC", "--logs", "/tmp/l", "--",
                "--accounts", "500", "--payments", "1,000");
        assertEquals(5, o.validators());
        assertEquals(60, o.readySeconds());
        assertEquals(5, o.minTxnInLedger());
        assertEquals("-Xmx1g -XX:+UseG1GC", o.nodeJavaOpts());
        assertEquals(Path.of("/tmp/l"), o.logs());
        String[] args = o.loadArgs(6006, 5005);
        assertArrayEquals(new String[] {"--url", "ws://127.0.0.1:6006", "--http", "http://127.0.0.1:5005",
                "--no-close", "--accounts", "500", "--payments", "1,000"}, args);
        LoadOptions load = LoadOptions.parse(args);
        assertFalse(load.closeLedgers());
        assertEquals(0, load.closeEvery());
        assertEquals(0, load.closeIntervalMs());
        assertEquals(URI.create("ws://127.0.0.1:6006"), load.wsUrl());
        assertEquals(500, load.accounts());
    }

    @Test
    void refusesBadOptionsNamingThem() {
        assertMessage("--dist is required");
        assertMessage("--validators", "--dist", "/d", "--validators", "0");
        assertMessage("--min-txn-in-ledger", "--dist", "/d", "--min-txn-in-ledger", "many");
        assertMessage("unknown option", "--dist", "/d", "--bogus", "1");
        assertMessage("needs a value", "--dist");
        assertMessage("set by perf/network", "--dist", "/d", "--", "--url", "ws://127.0.0.1:1");
        assertMessage("set by perf/network", "--dist", "/d", "--", "--close-every", "10");
    }

    @Test
    void loadGeneratorNoCloseExcludesItsOwnClosing() {
        assertTrue(LoadOptions.parse().closeLedgers());
        assertEquals(1000, LoadOptions.parse().closeEvery());
        LoadOptions o = LoadOptions.parse("--no-close", "--payments", "10");
        assertFalse(o.closeLedgers());
        assertEquals(10, o.payments());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--no-close", "--close-every", "10"));
        assertTrue(e.getMessage().contains("--no-close"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--close-interval-ms", "100", "--no-close"));
    }

    @Test
    void readsTheTokenBlockThatCreateTokenPrints() {
        String out = """
                Update stoxumd.cfg file with these values:

                # validator public key: nHxyz

                [validator_token]
                eyJtYW5pZmVzdCI6
                ICJKQUFBQUFG

                trailing text
                """;
        assertEquals(List.of("eyJtYW5pZmVzdCI6", "ICJKQUFBQUFG"), ValidatorNetwork.tokenLines(out));
        assertEquals(List.of(), ValidatorNetwork.tokenLines("no token here"));
    }

    private static void assertMessage(String part, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkOptions.parse(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
