package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** stoxumd's round durations, and the same divided by {@code [consensus] speedup}. */
class ConsensusParmsTest {
    @Test
    void theDefaultPaceIsStoxumds() {
        ConsensusParms p = ConsensusParms.DEFAULT;
        assertEquals(15_000, p.ledgerIdleIntervalMs());
        assertEquals(1_950, p.ledgerMinConsensusMs());
        assertEquals(2_000, p.ledgerMinCloseMs());
        assertEquals(1_000, p.ledgerGranularityMs());
        assertEquals(5_000, p.avMinConsensusTimeMs());
        assertSame(p, p.speedUp(1));
    }

    @Test
    void speedingUpDividesEveryRoundDurationAndKeepsTheCloseTimeRule() {
        ConsensusParms p = ConsensusParms.PRE_FIX1528.speedUp(20);
        assertEquals(750, p.ledgerIdleIntervalMs());
        assertEquals(97, p.ledgerMinConsensusMs());
        assertEquals(100, p.ledgerMinCloseMs());
        assertEquals(50, p.ledgerGranularityMs());
        assertEquals(250, p.avMinConsensusTimeMs());
        assertFalse(p.useRoundedCloseTime());
        ConsensusParms rounded = p.withRoundedCloseTime(true);
        assertTrue(rounded.useRoundedCloseTime());
        assertEquals(50, rounded.ledgerGranularityMs(), "the pace survives the per-round switch");
        assertThrows(IllegalArgumentException.class, () -> p.speedUp(0));
    }

    @Test
    void theRulesUseTheRoundsPace() {
        ConsensusParms fast = ConsensusParms.DEFAULT.speedUp(20);
        // A ledger with transactions, open 150 ms after a 200 ms round: too early at stoxumd's pace only.
        assertFalse(ConsensusRules.shouldCloseLedger(true, 3, 0, 0, 200, 150, 150, 15_000));
        assertTrue(ConsensusRules.shouldCloseLedger(fast, true, 3, 0, 0, 200, 150, 150, 15_000));
        // Every proposer agrees 150 ms into the establish phase.
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(3, 3, 3, 0, 200, 150, true));
        assertEquals(ConsensusState.YES, ConsensusRules.checkConsensus(fast, 3, 3, 3, 0, 200, 150, true));
    }
}
