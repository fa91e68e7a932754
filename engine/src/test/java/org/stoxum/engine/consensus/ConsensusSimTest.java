package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.consensus.sim.EquivocatingValidator;
import org.stoxum.engine.consensus.sim.JumpCollector;
import org.stoxum.engine.consensus.sim.PeerGroup;
import org.stoxum.engine.consensus.sim.Sim;
import org.stoxum.engine.consensus.sim.SimPeer;
import org.stoxum.engine.consensus.sim.SimTx;
import org.stoxum.engine.consensus.sim.ValidationCollector;

/**
 * Whole networks of simulated validators, each running the real consensus and validations code with real
 * signatures, under controlled delays, drops, crashes and partitions.
 */
class ConsensusSimTest {
    private static final long DELAY = ConsensusParms.LEDGER_GRANULARITY_MS / 5;

    private static void submitOwnIds(PeerGroup g) {
        for (SimPeer p : g) {
            p.submit(SimTx.of(p.id()));
        }
    }

    @Test
    void fiveValidatorsAgreeLedgerAfterLedger() {
        Sim sim = new Sim();
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        submitOwnIds(peers);
        sim.run(1);
        assertTrue(sim.synchronized_());
        for (SimPeer p : peers) {
            assertEquals(1, p.lastClosedLedger.seq());
            assertEquals(p.lastClosedLedger.id(), p.prevLedgerId());
            assertEquals(4, p.prevProposers(), "everyone proposed");
            assertEquals(5, p.lastClosedLedger.txs().size(), "every transaction got in");
            assertEquals(3, p.quorum(), "5 listed: 5 / 2 + 1");
        }
        sim.run(10);
        assertTrue(sim.synchronized_());
        for (SimPeer p : peers) {
            assertEquals(11, p.lastClosedLedger.seq());
            assertEquals(11, p.fullyValidatedLedger.seq());
            assertEquals(11, vc.fullyValidated(p.id()).size(), "every ledger fully validated, in order");
            assertTrue(p.lastClosedLedger.closeAgree());
        }
        assertEquals(1, vc.forks());
    }

    @Test
    void aLoneStandaloneNodeAcceptsAtOnce() {
        Sim sim = new Sim();
        SimPeer p = sim.createGroup(1).get(0);
        p.targetLedgers = 0;
        p.submit(SimTx.of(1));
        p.start();
        p.simulateClose();
        sim.scheduler().step();
        assertEquals(1, p.lastClosedLedger.seq());
        assertTrue(p.lastClosedLedger.contains(SimTx.of(1)));
        assertEquals(0, p.prevProposers());
        assertEquals(1, p.fullyValidatedLedger.seq(), "alone, its own validation is a quorum of one");
    }

    @Test
    void oneOfFiveDownTheyStillValidate() {
        Sim sim = new Sim();
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        sim.run(2);
        SimPeer crashed = peers.get(4);
        crashed.down = true;
        PeerGroup up = peers.slice(0, 4);
        submitOwnIds(up);
        sim.run(6);
        assertTrue(up.synchronized_());
        for (SimPeer p : up) {
            assertEquals(8, p.lastClosedLedger.seq());
            assertEquals(8, p.fullyValidatedLedger.seq(), "4 of 5 still reach the quorum of 3");
            assertEquals(3, p.prevProposers());
        }
        assertEquals(2, crashed.fullyValidatedLedger.seq());
        assertEquals(1, vc.forks());
    }

    @Test
    void belowQuorumTheyStopValidatingAndNeverFork() {
        Sim sim = new Sim();
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        sim.run(2);
        for (int i = 2; i < 5; i++) {
            peers.get(i).down = true;
        }
        PeerGroup survivors = peers.slice(0, 2);
        submitOwnIds(survivors);
        sim.run(4);
        for (SimPeer p : survivors) {
            assertEquals(6, p.lastClosedLedger.seq(), "they keep closing ledgers");
            assertEquals(2, p.fullyValidatedLedger.seq(), "2 validations never reach the quorum of 3");
        }
        assertTrue(survivors.synchronized_());
        assertEquals(1, vc.forks());
    }

    @Test
    void aPartitionValidatesOnlyOnTheQuorumSideAndHealsWithoutFork() {
        Sim sim = new Sim(7);
        PeerGroup small = sim.createGroup(2);
        PeerGroup big = sim.createGroup(3);
        PeerGroup all = small.plus(big);
        all.trustAndConnect(all, DELAY);
        ValidationCollector vc = new ValidationCollector();
        JumpCollector jumps = new JumpCollector();
        sim.addCollector(vc);
        sim.addCollector(jumps);
        sim.run(2);
        small.disconnect(big);
        submitOwnIds(all);
        sim.run(4);
        for (SimPeer p : big) {
            assertEquals(6, p.fullyValidatedLedger.seq(), "3 of 5 is a quorum");
        }
        for (SimPeer p : small) {
            assertEquals(2, p.fullyValidatedLedger.seq(), "2 of 5 is not");
            assertNotEquals(big.get(0).lastClosedLedger.id(), p.lastClosedLedger.id(), "they built their own");
        }
        small.connect(big, DELAY);
        sim.run(4);
        assertTrue(sim.synchronized_(), "the minority switched to the validated chain");
        assertEquals(1, sim.branches());
        assertEquals(1, vc.forks(), "no ledger of the minority's chain was ever fully validated");
        for (SimPeer p : small) {
            assertTrue(jumps.closeJumps(p.id()).stream().anyMatch(JumpCollector.Jump::switchesChain));
        }
        for (SimPeer p : big) {
            assertTrue(jumps.closeJumps(p.id()).isEmpty());
        }
    }

    @Test
    void lossyLinksSlowButDoNotBreakAgreement() {
        Sim sim = new Sim(42);
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        for (SimPeer a : peers) {
            for (SimPeer b : peers) {
                if (a.id() < b.id()) {
                    sim.net().setDropRate(a.id(), b.id(), 0.2);
                }
            }
        }
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        submitOwnIds(peers);
        sim.run(8);
        assertEquals(1, vc.forks());
        for (SimPeer p : peers) {
            assertTrue(p.fullyValidatedLedger.seq() >= 5, "progress despite 20 % loss: " + p.fullyValidatedLedger);
        }
    }

    @Test
    void disjointTrustedListsFormTwoParallelNetworks() {
        Sim sim = new Sim();
        PeerGroup a = sim.createGroup(5);
        PeerGroup b = sim.createGroup(5);
        a.trust(a);
        b.trust(b);
        a.plus(b).connect(a.plus(b), DELAY);
        for (SimPeer p : b) {
            p.clockSkewS = 60; // a different timeline, so the two networks' ledgers differ
        }
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        sim.run(5);
        assertTrue(a.synchronized_());
        assertTrue(b.synchronized_());
        assertNotEquals(a.get(0).lastClosedLedger.id(), b.get(0).lastClosedLedger.id());
        for (SimPeer p : a.plus(b)) {
            assertEquals(5, p.fullyValidatedLedger.seq());
            assertEquals(4, p.prevProposers(), "only its own network's proposals count");
        }
        assertEquals(2, sim.branches(), "two chains side by side");
        assertEquals(2, vc.forks());
    }

    @Test
    void anEquivocatingValidatorCannotSplitTheOthers() {
        Sim sim = new Sim();
        PeerGroup left = sim.createGroup(3);
        PeerGroup right = sim.createGroup(3);
        PeerGroup honest = left.plus(right);
        EquivocatingValidator liar = sim.add(id -> new EquivocatingValidator(sim, id, List.of(left, right)));
        honest.trust(honest);
        honest.trust(liar.id());
        left.connect(left, DELAY);
        right.connect(right, DELAY);
        honest.connect(liar.id(), DELAY);
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        submitOwnIds(honest);
        sim.run(5);
        assertTrue(liar.validationsSigned() >= 8, "it signed conflicting validations on both sides");
        assertNotEquals(left.get(0).lastClosedLedger.id(), right.get(0).lastClosedLedger.id());
        for (SimPeer p : honest) {
            assertEquals(6, p.quorum(), "7 listed with our own key unlisted: 8 * 2 / 3 + 1");
            assertEquals(0, p.fullyValidatedLedger.seq(), "3 honest + the liar = 4 < 6 on either side");
        }
        assertEquals(1, vc.forks());
    }

    @Test
    void anUnsafeQuorumOverrideLetsTheEquivocatorSplitThem() {
        Sim sim = new Sim();
        PeerGroup left = sim.createGroup(3);
        PeerGroup right = sim.createGroup(3);
        PeerGroup honest = left.plus(right);
        EquivocatingValidator liar = sim.add(id -> new EquivocatingValidator(sim, id, List.of(left, right)));
        honest.trust(honest);
        honest.trust(liar.id());
        left.connect(left, DELAY);
        right.connect(right, DELAY);
        honest.connect(liar.id(), DELAY);
        for (SimPeer p : honest) {
            p.minimumQuorum = OptionalInt.of(4); // --quorum 4
        }
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        submitOwnIds(honest);
        sim.run(5);
        for (SimPeer p : honest) {
            assertEquals(4, p.quorum(), "only 4 validators seen, fewer than 6: the override applies");
            assertTrue(p.fullyValidatedLedger.seq() > 0);
        }
        assertEquals(2, vc.forks(), "each side fully validated its own chain");
    }

    @Test
    void minorityOnTheWrongLedgerRecovers() {
        for (long validationDelay : new long[] {0, ConsensusParms.LEDGER_MIN_CLOSE_MS}) {
            Sim sim = new Sim();
            PeerGroup minority = sim.createGroup(2);
            PeerGroup majorityA = sim.createGroup(3);
            PeerGroup majorityB = sim.createGroup(5);
            PeerGroup majority = majorityA.plus(majorityB);
            PeerGroup network = minority.plus(majority);
            minority.trustAndConnect(minority.plus(majorityA), DELAY);
            majority.trustAndConnect(majority, DELAY);
            JumpCollector jumps = new JumpCollector();
            ValidationCollector vc = new ValidationCollector();
            sim.addCollector(jumps);
            sim.addCollector(vc);
            sim.run(1);
            for (SimPeer p : network) {
                p.recvValidationDelayMs = validationDelay;
            }
            for (SimPeer p : minority.plus(majorityA)) {
                p.openTxs.add(SimTx.of(0));
            }
            for (SimPeer p : majorityB) {
                p.openTxs.add(SimTx.of(1));
            }
            // The minority builds a different ledger 2 whatever consensus says (a byzantine failure).
            for (SimPeer p : minority) {
                p.txInjections.put(1L, SimTx.of(42));
            }
            sim.run(3);
            assertEquals(1, vc.forks(), "delay " + validationDelay);
            assertEquals(1, sim.branches());
            for (SimPeer p : majority) {
                assertTrue(jumps.closeJumps(p.id()).isEmpty());
                assertTrue(jumps.validatedJumps(p.id()).isEmpty());
            }
            for (SimPeer p : minority) {
                assertEquals(1, jumps.closeJumps(p.id()).size(), "delay " + validationDelay);
                assertTrue(jumps.closeJumps(p.id()).get(0).switchesChain());
                assertEquals(majority.get(0).prevLedgerId(), p.prevLedgerId());
            }
        }
    }

    @Test
    void nodeThatSwitchesLedgerDuringEstablishRecovers() {
        Sim sim = new Sim();
        PeerGroup loner = sim.createGroup(1);
        PeerGroup friends = sim.createGroup(3);
        loner.trust(loner.plus(friends));
        PeerGroup others = sim.createGroup(6);
        PeerGroup clique = friends.plus(others);
        clique.trust(clique);
        PeerGroup network = loner.plus(clique);
        network.connect(network, DELAY);
        sim.run(1);
        for (SimPeer p : loner.plus(friends)) {
            p.openTxs.add(SimTx.of(0));
        }
        for (SimPeer p : others) {
            p.openTxs.add(SimTx.of(1));
        }
        for (SimPeer p : network) {
            p.recvValidationDelayMs = ConsensusParms.LEDGER_GRANULARITY_MS;
        }
        sim.run(2);
        for (SimPeer p : network) {
            assertEquals(network.get(0).prevLedgerId(), p.prevLedgerId());
        }
    }

    @Test
    void slowPeerTransactionWaitsForTheNextLedger() {
        Sim sim = new Sim();
        PeerGroup slow = sim.createGroup(1);
        PeerGroup fast = sim.createGroup(4);
        PeerGroup network = fast.plus(slow);
        network.trust(network);
        fast.connect(fast, DELAY);
        slow.connect(network, ConsensusParms.LEDGER_GRANULARITY_MS * 11 / 10);
        submitOwnIds(network);
        sim.run(1);
        assertTrue(sim.synchronized_());
        SimTx slowTx = SimTx.of(slow.get(0).id());
        for (SimPeer p : network) {
            assertEquals(1, p.lastClosedLedger.seq());
            assertEquals(4, p.prevProposers());
            assertFalse(p.lastClosedLedger.contains(slowTx), "the slow peer's transaction lost its dispute");
            for (SimPeer f : fast) {
                assertTrue(p.lastClosedLedger.contains(SimTx.of(f.id())));
            }
            assertTrue(p.openTxs.contains(slowTx), "kept for the next ledger");
        }
        sim.run(1);
        for (SimPeer p : network) {
            assertTrue(p.lastClosedLedger.contains(slowTx));
        }
    }

    @Test
    void slowPeersThatDisagreeAreOutvotedByTheAvalanche() {
        for (boolean slowValidate : new boolean[] {true, false}) {
            Sim sim = new Sim();
            PeerGroup slow = sim.createGroup(2);
            PeerGroup fast = sim.createGroup(4);
            PeerGroup network = fast.plus(slow);
            network.trust(network);
            fast.connect(fast, DELAY);
            slow.connect(network, ConsensusParms.LEDGER_GRANULARITY_MS * 11 / 10);
            for (SimPeer p : slow) {
                p.runAsValidator = slowValidate;
            }
            submitOwnIds(network);
            sim.run(1);
            assertTrue(sim.synchronized_());
            for (SimPeer p : network) {
                for (SimPeer s : slow) {
                    assertFalse(p.lastClosedLedger.contains(SimTx.of(s.id())));
                    assertTrue(p.openTxs.contains(SimTx.of(s.id())));
                }
                for (SimPeer f : fast) {
                    assertTrue(p.lastClosedLedger.contains(SimTx.of(f.id())));
                }
            }
            if (slowValidate) {
                for (SimPeer f : fast) {
                    assertEquals(5, f.prevProposers());
                    assertTrue(f.prevRoundTimeMs() > slow.get(0).prevRoundTimeMs(),
                            "the fast peers needed the slow ones' changed positions");
                }
            } else {
                for (SimPeer f : fast) {
                    assertEquals(3, f.prevProposers());
                }
                assertEquals(4, slow.get(0).prevProposers());
            }
        }
    }

    @Test
    void skewedClocksWithinTheResolutionStillAgreeOnCloseTime() {
        Sim sim = new Sim();
        PeerGroup peers = sim.createGroup(5);
        peers.trustAndConnect(peers, DELAY);
        long[] skews = {0, 1, 2, 3, -2};
        int i = 0;
        for (SimPeer p : peers) {
            p.clockSkewS = skews[i++];
        }
        sim.run(4);
        assertTrue(sim.synchronized_());
        for (SimPeer p : peers) {
            assertTrue(p.lastClosedLedger.closeAgree());
            assertTrue(Math.abs(p.lastClosedLedger.closeTime() - p.now())
                    <= p.lastClosedLedger.closeTimeResolution() + 5);
        }
    }

    @Test
    void widelySkewedClocksAgreeToDisagreeAndCoarsenTheResolution() {
        Sim sim = new Sim();
        PeerGroup a = sim.createGroup(2);
        PeerGroup b = sim.createGroup(2);
        PeerGroup c = sim.createGroup(2);
        PeerGroup network = a.plus(b).plus(c);
        network.trustAndConnect(network, DELAY);
        SimPeer first = a.get(0);
        while (first.lastClosedLedger.closeTimeResolution() >= ConsensusParms.PROPOSE_FRESHNESS_S) {
            sim.run(1);
        }
        int resolution = first.lastClosedLedger.closeTimeResolution();
        // Three clocks a resolution step or more apart: no close time can gather half the votes.
        for (SimPeer p : a) {
            p.clockSkewS = 3L * resolution;
        }
        for (SimPeer p : b) {
            p.clockSkewS = 6L * resolution;
        }
        // The round already open when the clocks jumped sees positions stamped on the old clocks go stale;
        // it may split the last closed ledger for one round, but validations pull everyone back, unforked.
        ValidationCollector vc = new ValidationCollector();
        sim.addCollector(vc);
        sim.run(1);
        sim.run(1);
        assertTrue(sim.synchronized_());
        for (SimPeer p : network) {
            assertFalse(p.lastClosedLedger.closeAgree(), "no close time had a majority");
            assertEquals(p.lastClosedLedger.parentCloseTime() + 1, p.lastClosedLedger.closeTime());
        }
        assertEquals(1, vc.forks());
        sim.run(1);
        assertTrue(first.lastClosedLedger.closeTimeResolution() > resolution, "disagreement coarsens");
    }

    @Test
    void runsAreDeterministic() {
        String first = runScenario(99);
        assertEquals(first, runScenario(99));
    }

    private static String runScenario(long seed) {
        Sim sim = new Sim(seed);
        PeerGroup peers = sim.createGroup(4);
        peers.trustAndConnect(peers, DELAY);
        for (SimPeer p : peers) {
            for (SimPeer q : peers) {
                if (p.id() < q.id()) {
                    sim.net().setDropRate(p.id(), q.id(), 0.1);
                }
            }
        }
        new org.stoxum.engine.consensus.sim.Submitter(sim, peers, 100, 0, 700, 20_000);
        sim.run(4);
        StringBuilder sb = new StringBuilder();
        for (SimPeer p : peers) {
            sb.append(p.lastClosedLedger).append(p.fullyValidatedLedger).append(p.prevRoundTimeMs()).append(';');
        }
        return sb + "@" + sim.scheduler().now();
    }
}
