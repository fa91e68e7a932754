package org.stoxum.engine.net.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The VotableInteger rule: the most voted value between current and target, ours counted, ties low. */
class VotableIntegerTest {
    @Test
    void aloneOurVoteWins() {
        assertEquals(20, new VotableInteger(10, 20).result());
    }

    @Test
    void silentValidatorsHoldTheCurrentValue() {
        VotableInteger v = new VotableInteger(10, 20);
        v.noVote();
        assertEquals(10, v.result(), "1 for 10 against our 1 for 20: the tie goes to the lower value");
        v.addVote(20);
        assertEquals(20, v.result());
        v.noVote();
        assertEquals(10, v.result(), "2 against 2 again");
        v.noVote();
        assertEquals(10, v.result());
    }

    @Test
    void votesBeyondTheTargetDoNotCount() {
        VotableInteger v = new VotableInteger(10, 20);
        for (int i = 0; i < 5; i++) {
            v.addVote(30);
            v.addVote(5);
        }
        assertEquals(20, v.result(), "only our own vote lies within [10, 20]");
    }

    @Test
    void aValueBetweenCurrentAndTargetCanWin() {
        VotableInteger v = new VotableInteger(10, 20);
        v.addVote(15);
        v.addVote(15);
        v.addVote(20);
        v.addVote(10);
        assertEquals(15, v.result());
    }

    @Test
    void aTieBetweenInRangeValuesGoesToTheLowest() {
        VotableInteger v = new VotableInteger(10, 20);
        v.addVote(15);
        assertEquals(15, v.result(), "15 and 20 have one vote each");
    }

    @Test
    void aLowerTargetPullsDown() {
        VotableInteger v = new VotableInteger(2_000_000, 1_000_000);
        v.addVote(1_500_000);
        v.addVote(1_500_000);
        v.noVote();
        assertEquals(1_500_000, v.result());
    }

    @Test
    void equalCurrentAndTargetNeverMove() {
        VotableInteger v = new VotableInteger(10, 10);
        v.addVote(11);
        v.addVote(11);
        v.addVote(9);
        assertEquals(10, v.result());
    }

    @Test
    void valuesAreUnsigned() {
        long huge = 0xFFFF_FFFF_FFFF_FFF0L;
        VotableInteger v = new VotableInteger(10, huge);
        v.addVote(huge);
        v.addVote(-1L);
        assertEquals(huge, v.result(), "2^64-16 lies in range; 2^64-1 lies above it");
    }
}
