package org.stoxum.transport.peer.finder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/** stoxumd's PeerFinder rules, on a hand-stepped clock. */
class PeerFinderTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static FinderConfig config(int peersMax, boolean peerPrivate) {
        return FinderConfig.tuned(peersMax, peerPrivate, 51235, 0, MINUTE, true, false, Duration.ofSeconds(5));
    }

    private static PublicKey key() {
        return KeyPair.random(KeyType.SECP256K1).publicKey();
    }

    @Test
    void slotsAreTunedAsStoxumdTunesThem() {
        FinderConfig d = config(0, false);
        assertEquals(21, d.maxPeers());
        assertEquals(10.0, d.outPeers());
        assertEquals(2, d.ipLimit());
        assertTrue(d.wantIncoming() && d.autoConnect());
        PeerFinder f = new PeerFinder(d, new Random(1));
        assertEquals(10, f.outboundSlots());
        assertEquals(11, f.inboundSlots());

        FinderConfig big = config(200, false);
        assertEquals(30.0, big.outPeers(), 1e-9);
        assertEquals(2 + 5, big.ipLimit());
        assertEquals(10, config(3, false).maxPeers(), "peers_max is at least 10");

        FinderConfig priv = config(0, true);
        assertFalse(priv.wantIncoming() || priv.autoConnect());
        PeerFinder p = new PeerFinder(priv, new Random(1));
        assertEquals(21, p.outboundSlots());
        assertEquals(0, p.inboundSlots());
    }

    @Test
    void fixedPeersBackOffOneOneTwoThreeFiveEightUnits() throws Exception {
        PeerFinder f = new PeerFinder(config(0, false), new Random(1));
        InetSocketAddress fixed = at("203.0.113.5", 51235);
        long now = 0;
        f.addFixedPeer(fixed, now);
        long[] expected = {1, 2, 3, 5, 8, 13, 21, 34, 55, 55};
        for (long units : expected) {
            assertEquals(List.of(fixed), f.autoconnect(now), "dialled when due");
            Slot slot = f.newOutboundSlot(fixed);
            f.onClosed(slot, now);
            assertEquals(now + units * 60 * SECOND, f.fixedDue(fixed));
            assertTrue(f.autoconnect(now + units * 60 * SECOND - 1).isEmpty(), "not before it is due");
            now += units * 60 * SECOND;
        }
        Slot slot = f.newOutboundSlot(fixed);
        assertTrue(f.onConnected(slot, at("198.51.100.1", 40000)));
        assertEquals(PeerFinder.Result.SUCCESS, f.activate(slot, key(), false, now));
        assertEquals(now, f.fixedDue(fixed), "success resets the back-off");
        f.onClosed(slot, now + SECOND);
        assertEquals(now, f.fixedDue(fixed), "losing an active link is no failure");
    }

    @Test
    void fullInboundSlotsRedirectButFixedAndClusterPeersGetIn() throws Exception {
        PeerFinder f = new PeerFinder(config(10, false), new Random(1));
        assertEquals(0, f.inboundSlots());
        InetSocketAddress local = at("198.51.100.1", 51235);
        Slot stranger = f.newInboundSlot(local, at("203.0.113.9", 40001));
        assertEquals(PeerFinder.Result.FULL, f.activate(stranger, key(), false, 0));
        Slot member = f.newInboundSlot(local, at("203.0.113.10", 40002));
        PublicKey memberKey = key();
        assertEquals(PeerFinder.Result.SUCCESS, f.activate(member, memberKey, true, 0));
        Slot again = f.newInboundSlot(local, at("203.0.113.11", 40003));
        assertEquals(PeerFinder.Result.DUPLICATE, f.activate(again, memberKey, true, 0));
    }

    @Test
    void aPublicAddressMayHoldOnlyIpLimitInboundSlots() throws Exception {
        PeerFinder f = new PeerFinder(config(0, false), new Random(1));
        InetSocketAddress local = at("198.51.100.1", 51235);
        assertNotNull(f.newInboundSlot(local, at("203.0.113.9", 1)));
        assertNotNull(f.newInboundSlot(local, at("203.0.113.9", 2)));
        assertNotNull(f.newInboundSlot(local, at("203.0.113.9", 3)));
        assertNull(f.newInboundSlot(local, at("203.0.113.9", 4)), "count above ip_limit (2)");
        assertNotNull(f.newInboundSlot(local, at("10.0.0.9", 4)), "private addresses are not limited");
        assertNull(f.newOutboundSlot(at("203.0.113.9", 1)), "one slot per endpoint");
    }

    @Test
    void gossipIsFilteredStoredOneHopFurtherAndHandedOn() throws Exception {
        PeerFinder f = new PeerFinder(config(0, false), new Random(1));
        Slot from = f.newOutboundSlot(at("203.0.113.20", 51235));
        f.onConnected(from, at("198.51.100.1", 40000));
        f.activate(from, key(), false, 0);
        f.onEndpoints(from, List.of(
                new Endpoint(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 51299), 0),
                new Endpoint(at("203.0.113.30", 51235), 2),
                new Endpoint(at("203.0.113.31", 51235), 7),
                new Endpoint(at("10.1.1.1", 51235), 1),
                new Endpoint(at("203.0.113.30", 51235), 3)), 0);
        Map<InetSocketAddress, Integer> live = new HashMap<>();
        for (Endpoint e : f.liveEndpoints()) {
            live.put(e.address(), e.hops());
        }
        assertEquals(Map.of(at("203.0.113.20", 51299), 1, at("203.0.113.30", 51235), 3), live);

        Slot other = f.newOutboundSlot(at("203.0.113.40", 51235));
        f.onConnected(other, at("198.51.100.1", 40001));
        f.activate(other, key(), false, 0);
        List<Endpoint> toOther = f.buildEndpointsForPeers(0).get(other);
        assertEquals(0, toOther.get(0).hops(), "our own port first");
        assertEquals(51235, toOther.get(0).address().getPort());
        assertTrue(toOther.contains(new Endpoint(at("203.0.113.30", 51235), 3)));
        assertTrue(f.buildEndpointsForPeers(SECOND).isEmpty(), "at most every interval");
        List<Endpoint> toSender = f.buildEndpointsForPeers(6 * SECOND).get(from);
        assertFalse(toSender.stream().anyMatch(e -> e.address().getAddress().equals(from.remote().getAddress())),
                "never a peer's own address");
        f.oncePerSecond(31 * SECOND);
        assertTrue(f.liveEndpoints().isEmpty(), "the live cache forgets after 30 s");
    }

    @Test
    void aPrivateNodeNeverAnnouncesItselfAndDialsOnlyFixedPeers() throws Exception {
        PeerFinder f = new PeerFinder(config(0, true), new Random(1));
        f.addBootstrap(List.of(at("203.0.113.50", 51235)));
        assertTrue(f.autoconnect(0).isEmpty());
        Slot fixedLink = f.newOutboundSlot(at("203.0.113.60", 51235));
        f.onConnected(fixedLink, at("198.51.100.1", 40000));
        f.activate(fixedLink, key(), false, 0);
        for (Endpoint e : f.buildEndpointsForPeers(0).get(fixedLink)) {
            assertFalse(e.hops() == 0, "no hop-0 entry for ourselves");
        }
    }

    @Test
    void redirectsOfferLiveEndpointsAndLandInTheBootCache() throws Exception {
        PeerFinder f = new PeerFinder(config(10, false), new Random(1));
        Slot from = f.newOutboundSlot(at("203.0.113.20", 51235));
        f.onConnected(from, at("198.51.100.1", 40000));
        f.activate(from, key(), false, 0);
        f.onEndpoints(from, List.of(new Endpoint(at("203.0.113.30", 51235), 1)), 0);
        Slot turnedAway = f.newInboundSlot(at("198.51.100.1", 51235), at("203.0.113.99", 40000));
        assertEquals(List.of(at("203.0.113.30", 51235)), f.redirect(turnedAway));

        PeerFinder other = new PeerFinder(config(0, false), new Random(1));
        other.onRedirects(List.of(at("203.0.113.30", 51235)));
        assertEquals(List.of(at("203.0.113.30", 51235)), other.autoconnect(0));
    }
}
