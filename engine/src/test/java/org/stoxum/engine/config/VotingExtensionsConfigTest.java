package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extensions test networks use: {@code [consensus] speedup} and {@code [amendment_majority_time]}. */
class VotingExtensionsConfigTest {
    @TempDir
    Path dir;

    private NodeConfig parse(String extra) {
        return NodeConfigLoader.parse("test.cfg", ConfigErrorsTest.MINIMAL + "\n" + extra,
                Optional.of(dir.resolve("test.cfg")), dir, dir.resolve("data"), false);
    }

    @Test
    void withoutTheSectionsTheServerKeepsStoxumdsPaceAndTwoWeeks() {
        NodeConfig c = parse("");
        assertEquals(1, c.consensusSpeedup());
        assertEquals(Duration.ofDays(14), c.amendmentMajorityTime());
    }

    @Test
    void speedupDividesTheRoundTimings() {
        assertEquals(20, parse("[consensus]\nspeedup = 20\n").consensusSpeedup());
    }

    @Test
    void aSpeedupOutOfRangeIsRefused() {
        assertThrows(ConfigException.class, () -> parse("[consensus]\nspeedup = 0\n"));
        assertThrows(ConfigException.class, () -> parse("[consensus]\nspeedup = 101\n"));
    }

    @Test
    void anUnknownConsensusKeyIsAWarningNotAnError() {
        NodeConfig c = parse("[consensus]\nspeedup = 2\npace = 3\n");
        assertEquals(2, c.consensusSpeedup());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("pace")), c.warnings().toString());
    }

    @Test
    void majorityTimeTakesNewerRippledsUnits() {
        assertEquals(Duration.ofMinutes(4), parse("[amendment_majority_time]\n4 minutes\n").amendmentMajorityTime());
        assertEquals(Duration.ofHours(36), parse("[amendment_majority_time]\n36 Hours\n").amendmentMajorityTime());
        assertEquals(Duration.ofDays(3), parse("[amendment_majority_time]\n3 days\n").amendmentMajorityTime());
        assertEquals(Duration.ofDays(14), parse("[amendment_majority_time]\n2 weeks\n").amendmentMajorityTime());
    }

    @Test
    void aMajorityTimeWithoutAUnitOrOfZeroIsRefused() {
        for (String bad : new String[] {"240", "0 minutes", "4 seconds", "two weeks"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> parse("[amendment_majority_time]\n" + bad + "\n"), bad);
            assertTrue(e.getMessage().contains("[amendment_majority_time]"), e.getMessage());
        }
    }
}
