package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.app.LogLevels.Severity;

class LogLevelsTest {
    /** Records what the table asks of its backend. */
    private static final class Recording implements LogBackend {
        final List<String> calls = new ArrayList<>();
        boolean reopens;

        @Override
        public void base(Severity s) {
            calls.add("base=" + s);
        }

        @Override
        public void partition(String name, Severity s) {
            calls.add(name + "=" + s);
        }

        @Override
        public boolean reopen() {
            calls.add("reopen");
            return reopens;
        }
    }

    @Test
    void everyStoxumdPartitionIsListedFromTheStartAtTheBaseInStoxumdsOrder() {
        LogLevels levels = new LogLevels(Severity.WARNING);
        Map<String, Severity> listed = levels.partitions();
        assertEquals(LogPartitions.names(), List.copyOf(listed.keySet()));
        assertTrue(listed.values().stream().allMatch(s -> s == Severity.WARNING), listed.toString());
        List<String> names = List.copyOf(listed.keySet());
        assertTrue(names.indexOf("RPCSub") < names.indexOf("Resolver"), "capitals first, as std::map");
    }

    @Test
    void attachingReplaysTheThresholdsAlreadySet() {
        LogLevels levels = new LogLevels(Severity.INFO);
        levels.partition("Ledger", Severity.DEBUG);
        Recording b = new Recording();
        levels.attach(b);
        assertEquals("base=INFO", b.calls.get(0));
        assertEquals(1 + LogPartitions.names().size(), b.calls.size());
        assertTrue(b.calls.contains("Ledger=DEBUG"), b.calls.toString());
        assertTrue(b.calls.contains("LedgerMaster=INFO"), b.calls.toString());
    }

    @Test
    void aPartitionIsTheSameInAnyCaseAndKeepsStoxumdsSpelling() {
        LogLevels levels = new LogLevels(Severity.INFO);
        Recording b = new Recording();
        levels.attach(b);
        b.calls.clear();
        levels.partition("ledgermaster", Severity.TRACE);
        assertEquals(List.of("LedgerMaster=TRACE"), b.calls);
        assertEquals(Severity.TRACE, levels.partitions().get("LedgerMaster"));
        assertEquals(LogPartitions.names().size(), levels.partitions().size());
    }

    @Test
    void aNameStoxumdLacksBecomesAPartitionOfItsOwn() {
        LogLevels levels = new LogLevels(Severity.INFO);
        levels.partition("Mine", Severity.DEBUG);
        assertEquals(Severity.DEBUG, levels.partitions().get("Mine"));
        assertEquals(LogPartitions.names().size() + 1, levels.partitions().size());
    }

    @Test
    void settingTheBaseResetsEveryPartitionAsStoxumdDoes() {
        LogLevels levels = new LogLevels(Severity.INFO);
        Recording b = new Recording();
        levels.attach(b);
        levels.partition("Ledger", Severity.TRACE);
        b.calls.clear();
        levels.partition("BASE", Severity.ERROR);
        assertEquals(Severity.ERROR, levels.base());
        assertTrue(levels.partitions().values().stream().allMatch(s -> s == Severity.ERROR));
        assertEquals("base=ERROR", b.calls.get(0));
        assertTrue(b.calls.contains("Ledger=ERROR"), b.calls.toString());
    }

    @Test
    void rotateAsksTheBackendAndIsFalseWithoutOne() {
        LogLevels levels = new LogLevels(Severity.INFO);
        assertFalse(levels.rotate());
        Recording b = new Recording();
        b.reopens = true;
        levels.attach(b);
        assertTrue(levels.rotate());
    }
}
