package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stoxum.engine.consensus.sim.SimTx;

class DisputedTxTest {
    private static DisputedTx<SimTx, Integer> dispute(boolean ours, int yes, int no) {
        DisputedTx<SimTx, Integer> d = new DisputedTx<>(SimTx.of(1), ours);
        for (int i = 0; i < yes; i++) {
            d.setVote(i, true);
        }
        for (int i = 0; i < no; i++) {
            d.setVote(100 + i, false);
        }
        return d;
    }

    @Test
    void votesAreCountedAndChangedOncePerPeer() {
        DisputedTx<SimTx, Integer> d = dispute(true, 2, 1);
        d.setVote(0, true);
        assertEquals(2, d.yays());
        d.setVote(0, false);
        assertEquals(1, d.yays());
        assertEquals(2, d.nays());
        d.unVote(0);
        d.unVote(42);
        assertEquals(1, d.yays());
        assertEquals(1, d.nays());
    }

    @Test
    void unanimousPeersNeverMoveUs() {
        assertFalse(dispute(true, 3, 0).updateVote(500, true));
        assertFalse(dispute(false, 0, 3).updateVote(500, true));
    }

    @Test
    void proposerFollowsTheInitialFiftyPercent() {
        // We say no; 2 yes and 1 no: weight = 200 / 4 = 50, not above 50: keep no.
        DisputedTx<SimTx, Integer> d = dispute(false, 2, 1);
        assertFalse(d.updateVote(0, true));
        // 3 yes, 1 no: weight = 300 / 5 = 60 > 50: switch to yes.
        d = dispute(false, 3, 1);
        assertTrue(d.updateVote(0, true));
        assertTrue(d.ourVote());
    }

    @Test
    void thresholdsRiseAsTheRoundDrags() {
        // We say yes with 3 yes and 2 no: weight = (300 + 100) / 6 = 66.
        assertFalse(dispute(true, 3, 2).updateVote(49, true), "66 > 50 keeps yes");
        assertFalse(dispute(true, 3, 2).updateVote(84, true), "66 > 65 keeps yes");
        DisputedTx<SimTx, Integer> late = dispute(true, 3, 2);
        assertTrue(late.updateVote(85, true), "66 is not above the late 70");
        assertFalse(late.ourVote());
        // 9 yes, 1 no, us yes: weight = 1000 / 11 = 90: kept until stuck, where 95 is needed.
        assertFalse(dispute(true, 9, 1).updateVote(199, true));
        assertTrue(dispute(true, 9, 1).updateVote(200, true));
    }

    @Test
    void observerFollowsTheSimpleMajority() {
        DisputedTx<SimTx, Integer> d = dispute(false, 2, 1);
        assertTrue(d.updateVote(0, false));
        assertTrue(d.ourVote());
        d = dispute(true, 1, 1);
        assertTrue(d.updateVote(0, false), "a tie is not a majority for yes");
        assertFalse(d.ourVote());
    }

    @Test
    void jsonShowsVotes() {
        DisputedTx<SimTx, Integer> d = dispute(true, 1, 1);
        assertEquals(1, d.toJson().get("yays").asInt());
        assertEquals(1, d.toJson().get("nays").asInt());
        assertTrue(d.toJson().get("our_vote").asBoolean());
        assertEquals(2, d.toJson().get("votes").size());
    }
}
