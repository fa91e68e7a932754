package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsensusRulesTest {
    private static final long S = 1000;

    @Test
    void abnormalTimesCloseAtOnce() {
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 10, 10, -10 * S, 10 * S, S, S));
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 10, 10, 100 * 3600 * S, 10 * S, S, S));
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 10, 10, 10 * S, 100 * 3600 * S, S, S));
    }

    @Test
    void closesWhenMostOfTheNetworkHasClosedOrValidated() {
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 3, 5, 10 * S, 10 * S, 10 * S, 10 * S));
        assertFalse(ConsensusRules.shouldCloseLedger(true, 10, 3, 2, 10 * S, 10 * S, S, 10 * S));
    }

    @Test
    void emptyLedgerWaitsForTheIdleInterval() {
        assertFalse(ConsensusRules.shouldCloseLedger(false, 10, 0, 0, S, S, S, 10 * S));
        assertTrue(ConsensusRules.shouldCloseLedger(false, 10, 0, 0, S, 10 * S, S, 10 * S));
    }

    @Test
    void ledgerWithTransactionsKeepsMinimumAndHalfThePreviousRound() {
        assertFalse(ConsensusRules.shouldCloseLedger(true, 10, 0, 0, 10 * S, 10 * S, S, 10 * S), "min close");
        assertFalse(ConsensusRules.shouldCloseLedger(true, 10, 0, 0, 10 * S, 10 * S, 3 * S, 10 * S),
                "faster than half the previous round");
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 0, 0, 10 * S, 10 * S, 10 * S, 10 * S));
        assertTrue(ConsensusRules.shouldCloseLedger(true, 10, 0, 0, 4 * S, 10 * S, 2 * S, 10 * S));
    }

    @Test
    void checkConsensusFollowsTimeAndAgreement() {
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(10, 2, 2, 0, 3 * S, 2 * S, true),
                "not enough time");
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(10, 2, 2, 0, 3 * S, 4 * S, true),
                "too few proposers yet: wait past previous round + min consensus");
        assertEquals(ConsensusState.YES, ConsensusRules.checkConsensus(10, 2, 2, 0, 3 * S, 10 * S, true));
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(10, 2, 1, 0, 3 * S, 10 * S, true));
        assertEquals(ConsensusState.MOVED_ON, ConsensusRules.checkConsensus(10, 2, 1, 8, 3 * S, 10 * S, true));
        assertEquals(ConsensusState.YES, ConsensusRules.checkConsensus(0, 0, 0, 0, 3 * S, 10 * S, true),
                "alone we agree with ourselves");
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(5, 5, 3, 0, 3 * S, 1950, true),
                "the minimum establish time is exclusive");
    }

    @Test
    void eightyPercentCountsUsWhenProposing() {
        // 3 of 4 peers agree: with us 4/5 = 80 % reaches consensus; as an observer 3/4 = 75 % does not.
        assertEquals(ConsensusState.YES, ConsensusRules.checkConsensus(4, 4, 3, 0, 3 * S, 5 * S, true));
        assertEquals(ConsensusState.NO, ConsensusRules.checkConsensus(4, 4, 3, 0, 3 * S, 5 * S, false));
        assertTrue(ConsensusRules.checkConsensusReached(4, 5, false, 80));
        assertFalse(ConsensusRules.checkConsensusReached(3, 5, true, 80));
        assertTrue(ConsensusRules.checkConsensusReached(0, 0, false, 80));
    }

    @Test
    void participantsNeededRoundsToNearestAndNeverZero() {
        assertEquals(3, ConsensusRules.participantsNeeded(5, 70));
        assertEquals(4, ConsensusRules.participantsNeeded(5, 75));
        assertEquals(4, ConsensusRules.participantsNeeded(6, 75));
        assertEquals(7, ConsensusRules.participantsNeeded(10, 75));
        assertEquals(3, ConsensusRules.participantsNeeded(6, 50));
        assertEquals(1, ConsensusRules.participantsNeeded(1, 50));
        assertEquals(1, ConsensusRules.participantsNeeded(0, 50));
    }

    @Test
    void avalancheThresholdsStepWithTheRoundProgress() {
        assertEquals(50, ConsensusRules.avalancheThreshold(0));
        assertEquals(50, ConsensusRules.avalancheThreshold(49));
        assertEquals(65, ConsensusRules.avalancheThreshold(50));
        assertEquals(65, ConsensusRules.avalancheThreshold(84));
        assertEquals(70, ConsensusRules.avalancheThreshold(85));
        assertEquals(70, ConsensusRules.avalancheThreshold(199));
        assertEquals(95, ConsensusRules.avalancheThreshold(200));
    }
}
