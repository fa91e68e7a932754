package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.RedirectDecoder;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** Several overlays on 127.0.0.1: fixed peers, slots and redirects, gossip and peer_private. */
class PeerNetworkTest {

    @Test
    void aFixedPeerIsReconnectedAfterTheOtherSideRestarts() {
        KeyPair bKey = KeyPair.random(KeyType.SECP256K1);
        TestNode b = TestNode.start(bKey, TestNode.settings().build());
        InetSocketAddress bAddress = b.address();
        try (TestNode a = TestNode.start(TestNode.settings().ipsFixed(List.of(bAddress)).build())) {
            try {
                Await.until("fixed peer connected", () -> a.hasPeer(b));
            } finally {
                b.close();
            }
            Await.until("link gone", () -> a.overlay.peers().isEmpty());
            Await.pause(700);
            try (TestNode again = TestNode.start(bKey, TestNode.settings().listen(bAddress).build())) {
                Await.until("fixed peer reconnected", 15_000, () -> a.hasPeer(again));
                assertEquals(2, a.activated.size());
            }
        }
    }

    @Test
    void fullSlotsRedirectToOtherPeersAndClusterMembersStillGetIn() throws Exception {
        KeyPair member = KeyPair.random(KeyType.SECP256K1);
        try (TestNode c = TestNode.startAnnouncing(TestNode.withLedger().build());
             TestNode b = TestNode.startAnnouncing(TestNode.withLedger().peersMax(10)
                     .clusterMember(member.publicKey()::equals).build())) {
            b.connect(c);
            Await.until("b learned c from gossip", () -> b.knowsEndpoint(c.address()));

            try (RawPeer raw = RawPeer.connect(b.address(), KeyPair.random(KeyType.SECP256K1))) {
                raw.send(raw.hello());
                OutboundMessage answer = raw.read(5000);
                assertNotNull(answer);
                assertEquals(MessageType.REDIRECT, answer.type());
                RedirectDecoder.PeerIpsDecoder ips = RawPeer.view(answer).redirect().peerIps();
                assertEquals(1, ips.count());
                assertEquals(c.port(), ips.next().port());
                assertTrue(raw.closedWithin(5000));
            }

            try (TestNode a = TestNode.start(TestNode.settings().build())) {
                a.connect(b);
                Await.until("a went to c instead", () -> a.hasPeer(c));
                assertFalse(a.hasPeer(b));
                assertTrue(a.overlay.bootcache().contains(c.address()));
            }

            try (TestNode d = TestNode.start(member, TestNode.settings().build())) {
                d.connect(b);
                Await.until("cluster member admitted", () -> b.hasPeer(d));
                assertTrue(b.overlay.peers().stream().anyMatch(p -> p.cluster() && p.publicKey().equals(member.publicKey())));
            }
        }
    }

    @Test
    void aPrivatePeersAddressIsNeverGossipedAndItDialsOnlyFixedPeers() throws Exception {
        try (TestNode b = TestNode.startAnnouncing(TestNode.withLedger().build());
             TestNode c = TestNode.startAnnouncing(TestNode.withLedger().build());
             TestNode p = TestNode.startAnnouncing(TestNode.withLedger().peerPrivate(true)
                     .ipsFixed(List.of(b.address())).build())) {
            c.connect(b);
            Await.until("private node reached its fixed peer", () -> p.hasPeer(b));
            Await.until("public addresses are gossiped", () -> c.knowsEndpoint(b.address())
                    && b.knowsEndpoint(c.address()) && p.knowsEndpoint(c.address()));
            Await.pause(600);
            for (TestNode n : List.of(b, c, p)) {
                assertFalse(n.knowsEndpoint(p.address()), "private address gossiped to " + n.address());
            }
            PeerSummary seenByB = b.overlay.peers().stream()
                    .filter(s -> s.publicKey().equals(p.key.publicKey())).findFirst().orElseThrow();
            assertFalse(seenByB.crawlPublic());
            assertEquals(1, p.overlay.peers().size(), "a private node dials only its fixed peers");

            InetAddress otherHost = InetAddress.getByName("127.0.0.2");
            try (RawPeer raw = RawPeer.connect(p.address(), KeyPair.random(KeyType.SECP256K1), otherHost)) {
                raw.send(raw.hello());
                assertEquals(MessageType.REDIRECT, raw.read(5000).type(), "a private node takes only fixed peers");
            }
        }
    }
}
