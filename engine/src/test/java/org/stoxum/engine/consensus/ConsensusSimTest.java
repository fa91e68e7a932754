package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stoxum.engine.consensus.sim.PeerGroup;
import org.stoxum.engine.consensus.sim.Sim;
import org.stoxum.engine.consensus.sim.SimPeer;
import org.stoxum.engine.consensus.sim.SimTx;
import org.stoxum.engine.consensus.sim.ValidationCollector;

class ConsensusSimTest {
    private static final long DELAY = ConsensusParms.LEDGER_GRANULARITY_MS / 5;

    @Test
    void fiveValidatorsAgreeLedgerAfterLedger() {
        Sim sim = new Sim();
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        for (SimPeer p : peers) {
            p.submit(SimTx.of(p.id()));
        }
        sim.run(1);
        assertTrue(sim.synchronized_());
        for (SimPeer p : peers) {
            assertEquals(1, p.lastClosedLedger.seq());
            assertEquals(4, p.prevProposers());
            assertEquals(5, p.lastClosedLedger.txs().size());
            assertEquals(3, p.quorum());
        }
        sim.run(10);
        assertTrue(sim.synchronized_());
        for (SimPeer p : peers) {
            assertEquals(11, p.lastClosedLedger.seq());
            assertEquals(11, p.fullyValidatedLedger.seq());
            assertEquals(11, vc.fullyValidated(p.id()).size());
        }
        assertEquals(1, vc.forks());
    }
}
