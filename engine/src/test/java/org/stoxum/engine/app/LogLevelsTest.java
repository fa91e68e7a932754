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
    void attachingReplaysTheThresholdsAlreadySet() {
        LogLevels levels = new LogLevels(Severity.INFO);
        levels.partition("Ledger", Severity.DEBUG);
        Recording b = new Recording();
        levels.attach(b);
        assertEquals(List.of("base=INFO", "Ledger=DEBUG"), b.calls);
    }

    @Test
    void settingTheBaseResetsEveryNamedPartitionAsStoxumdDoes() {
        LogLevels levels = new LogLevels(Severity.INFO);
        Recording b = new Recording();
        levels.attach(b);
        levels.partition("Ledger", Severity.TRACE);
        levels.partition("BASE", Severity.ERROR);
        assertEquals(Severity.ERROR, levels.base());
        assertEquals(Map.of("Ledger", Severity.ERROR), levels.partitions());
        assertEquals(List.of("base=INFO", "Ledger=TRACE", "base=ERROR", "Ledger=ERROR"), b.calls);
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
