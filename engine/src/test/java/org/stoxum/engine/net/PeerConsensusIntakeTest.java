package org.stoxum.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusProposal;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.consensus.SignedProposal;
import org.stoxum.engine.metrics.Counter;
import org.stoxum.engine.metrics.Metric;
import org.stoxum.engine.net.fetch.CapturePeer;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.engine.pipeline.PipelineStages;
import org.stoxum.engine.pipeline.TxPipeline;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * Peers' proposals and validations through the node's pipeline ring: checked by the verifier threads among the
 * transactions, a forged one charged to its peer as stoxumd charges it, a good one handed on in order.
 */
class PeerConsensusIntakeTest {
    private static final KeyPair VALIDATOR = KeyPair.nodeFromSeed(Seed.fromPassphrase("validator one"),
            KeyType.SECP256K1);
    private static final KeyPair OTHER = KeyPair.nodeFromSeed(Seed.fromPassphrase("someone else"),
            KeyType.SECP256K1);
    private static final Hash256 PREV = Hash256.fromHex("AB".repeat(32));
    private static final Hash256 SET = Hash256.fromHex("CD".repeat(32));
    private static final long NOW = 700_000_000L;

    /** Transactions as strings: "forged" ones fail verification; the writer records what it saw, in order. */
    private static final class Stages implements PipelineStages {
        final List<String> writer = Collections.synchronizedList(new ArrayList<>());
        final Set<String> verifierThreads = ConcurrentHashMap.newKeySet();
        final CountDownLatch gate;

        Stages(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void decode(PipelineEvent e) {
            e.decoded(new String(e.blob()));
        }

        @Override
        public void verify(PipelineEvent e) {
            verifierThreads.add(Thread.currentThread().getName());
            e.verdict(((String) e.decoded()).contains("forged") ? PipelineEvent.BAD : PipelineEvent.GOOD);
        }

        @Override
        public void apply(PipelineEvent e) {
            try {
                gate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            writer.add("tx " + e.decoded());
        }

        @Override
        public void command(PipelineEvent e) {
        }
    }

    /** A peer that records its charges: inbound, with a key of its own, in the cluster or not. */
    private static CapturePeer peer(boolean cluster) {
        return new CapturePeer(7, OTHER.publicKey(), true, cluster);
    }

    private static SignedProposal<PublicKey> proposal(KeyPair signer) {
        return SignedProposal.sign(signer, new ConsensusProposal<>(PREV, 0, SET, NOW, NOW, signer.publicKey()));
    }

    /** A proposal that claims the validator's key but carries a signature made by another key. */
    private static SignedProposal<PublicKey> forgedProposal() {
        SignedProposal<PublicKey> other = proposal(OTHER);
        return new SignedProposal<>(VALIDATOR.publicKey(), other.signature(),
                new ConsensusProposal<>(PREV, 0, SET, NOW, NOW, VALIDATOR.publicKey()));
    }

    private static byte[] validation(long signTime) {
        return STValidation.builder(PREV, signTime, VALIDATOR.publicKey(), true).ledgerSequence(9).sign(VALIDATOR)
                .toBytes();
    }

    private static InboundValidation inbound(Peer peer, byte[] bytes, boolean trusted, boolean loaded,
                                             Consumer<InboundValidation> onChecked) {
        return new InboundValidation(peer, bytes, Hash256.wrap(Sha512Half.of(bytes)), NOW, k -> trusted,
                () -> loaded, onChecked);
    }

    private static long metric(TxPipeline p, String name) {
        for (Metric m : p.metrics()) {
            if (m.name().equals(name) && m instanceof Counter c) {
                return c.get();
            }
        }
        throw new AssertionError("no counter " + name);
    }

    @Test
    void forgedProposalIsRefusedAndItsPeerChargedGoodOneReachesConsensusInOrder() {
        Stages stages = new Stages(new CountDownLatch(0));
        CapturePeer peer = peer(false);
        List<String> consensus = Collections.synchronizedList(stages.writer);
        Set<String> deliveredOn = ConcurrentHashMap.newKeySet();
        Consumer<InboundProposal> toConsensus = m -> {
            deliveredOn.add(Thread.currentThread().getName());
            consensus.add("proposal by " + (m.proposal().publicKey().equals(VALIDATOR.publicKey()) ? "validator"
                    : "other") + (m.trusted() ? " trusted" : ""));
        };
        long peerChecks;
        long bad;
        try (TxPipeline p = new TxPipeline(stages, 64, 1, "blocking")) {
            assertTrue(p.trySubmit("tx1".getBytes(), "peer", null, PipelineEvent.UNCHECKED));
            assertTrue(p.tryPeerMessage(PipelineEvent.PROPOSAL,
                    new InboundProposal(peer, forgedProposal(), true, toConsensus), false));
            assertTrue(p.tryPeerMessage(PipelineEvent.PROPOSAL,
                    new InboundProposal(peer, proposal(VALIDATOR), true, toConsensus), false));
            assertTrue(p.trySubmit("tx2".getBytes(), "peer", null, PipelineEvent.UNCHECKED));
            assertTrue(p.tryPeerMessage(PipelineEvent.PROPOSAL,
                    new InboundProposal(peer, proposal(OTHER), false, toConsensus), false));
            p.close();
            peerChecks = metric(p, "stoxumd_peer_signature_verifications_total");
            bad = metric(p, "stoxumd_peer_bad_signatures_total");
        }
        assertEquals(List.of("tx tx1", "proposal by validator trusted", "tx tx2", "proposal by other"),
                stages.writer);
        assertEquals(List.of(Charge.INVALID_SIGNATURE), peer.charges);
        assertEquals(3, peerChecks);
        assertEquals(1, bad);
        assertEquals(1, deliveredOn.size(), "delivered by the single writer");
        assertFalse(deliveredOn.contains(Thread.currentThread().getName()));
        assertFalse(stages.verifierThreads.containsAll(deliveredOn), "the writer is not a verifier");
    }

    @Test
    void clusterMembersProposalIsNotCheckedAgain() {
        Stages stages = new Stages(new CountDownLatch(0));
        CapturePeer member = peer(true);
        List<InboundProposal> delivered = new CopyOnWriteArrayList<>();
        long checks;
        try (TxPipeline p = new TxPipeline(stages, 64, 1, "blocking")) {
            assertTrue(p.tryPeerMessage(PipelineEvent.PROPOSAL,
                    new InboundProposal(member, forgedProposal(), true, delivered::add), true));
            p.close();
            checks = metric(p, "stoxumd_peer_signature_verifications_total");
        }
        assertEquals(1, delivered.size(), "stoxumd skips the signature check for cluster peers");
        assertEquals(0, checks);
        assertTrue(member.charges.isEmpty());
    }

    @Test
    void validationsAreParsedCheckedAndChargedAsStoxumdDoes() {
        Stages stages = new Stages(new CountDownLatch(0));
        CapturePeer peer = peer(false);
        List<STValidation> delivered = new CopyOnWriteArrayList<>();
        Consumer<InboundValidation> take = m -> delivered.add(m.validation());
        byte[] good = validation(NOW - 1);
        byte[] badSig = good.clone();
        badSig[badSig.length - 3] ^= 0x01; // inside the signature, the last field
        byte[] garbage = new byte[80];
        byte[] stale = validation(NOW - 3_600);
        try (TxPipeline p = new TxPipeline(stages, 64, 2, "blocking")) {
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, good, true, false, take), false));
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, badSig, true, false, take), false));
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, garbage, true, false, take), false));
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, stale, true, false, take), false));
            // Loaded: an untrusted validation is dropped uncharged, a trusted one still goes through.
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, good, false, true, take), false));
            assertTrue(p.tryPeerMessage(PipelineEvent.VALIDATION, inbound(peer, good, true, true, take), false));
        }
        assertEquals(2, delivered.size());
        assertEquals(PREV, delivered.get(0).ledgerId());
        assertEquals(9, delivered.get(0).seq());
        assertEquals(NOW, delivered.get(0).seenTime());
        // checkValidation charges a bad signature as an invalid request; a validation that does not parse
        // too; one that is not current is unwanted data.
        assertEquals(Set.of(Charge.INVALID_REQUEST, Charge.UNWANTED_DATA), Set.copyOf(peer.charges));
        assertEquals(3, peer.charges.size());
        assertEquals(2, Collections.frequency(peer.charges, Charge.INVALID_REQUEST));
    }

    @Test
    void fullRingDropsPeerMessagesWithoutBlockingOrCharging() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Stages stages = new Stages(gate);
        CapturePeer peer = peer(false);
        List<InboundProposal> delivered = new CopyOnWriteArrayList<>();
        int accepted = 0;
        boolean refused = false;
        try (TxPipeline p = new TxPipeline(stages, 8, 1, "blocking")) {
            // The writer is held on the first transaction, so the ring fills.
            for (int i = 0; i < 64 && !refused; i++) {
                if (p.trySubmit(("tx" + i).getBytes(), "peer", null, PipelineEvent.UNCHECKED)) {
                    accepted++;
                } else {
                    refused = true;
                }
            }
            assertTrue(refused);
            assertFalse(p.tryPeerMessage(PipelineEvent.PROPOSAL,
                    new InboundProposal(peer, proposal(VALIDATOR), true, delivered::add), false));
            assertEquals(2, metric(p, "stoxumd_pipeline_refused_total"));
            gate.countDown();
        }
        assertEquals(accepted, stages.writer.size());
        assertTrue(delivered.isEmpty());
        assertTrue(peer.charges.isEmpty(), "a full ring is our shortage, not the peer's fault");
        assertNotEquals(0, accepted);
    }
}
