package org.stoxum.transport.peer.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LocalPeerResourcesTest {
    private long millis = 1_000_000;
    private final LocalPeerResources resources = new LocalPeerResources(() -> millis);

    private static InetSocketAddress at(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void chargesAddUpAndDecayOverTheWindow() {
        PeerConsumer c = resources.newInboundEndpoint(at(1));
        assertEquals(Disposition.OK, c.charge(Charge.INVALID_SIGNATURE));
        assertEquals(1000 / 32, c.balance());
        millis += 32_000;
        assertTrue(c.balance() < 1000 / 32 / 2, "about 1/e left after one window");
        millis += 200_000;
        assertEquals(0, c.balance());
    }

    @Test
    void warnAtFiveThousandDropAtFifteenThousand() {
        PeerConsumer c = resources.newOutboundEndpoint(at(51235));
        Disposition d = Disposition.OK;
        int charges = 0;
        while (d == Disposition.OK) {
            d = c.charge(Charge.HIGH_BURDEN_PEER);
            charges++;
        }
        assertEquals(Disposition.WARN, d);
        assertEquals(LocalPeerResources.WARNING_THRESHOLD * 32 / 2000, charges);
        assertFalse(c.disconnect());
        while (d != Disposition.DROP) {
            d = c.charge(Charge.HIGH_BURDEN_PEER);
        }
        int before = c.balance();
        assertTrue(c.disconnect());
        assertEquals(before + Charge.DROP.units() / 32, c.balance(), "a drop costs more");
    }

    @Test
    void inboundPeersAreKeyedByAddressOutboundByEndpoint() {
        resources.newInboundEndpoint(at(1)).charge(Charge.INVALID_SIGNATURE);
        assertEquals(1000 / 32, resources.newInboundEndpoint(at(2)).balance(), "inbound: one account per address");
        resources.newOutboundEndpoint(at(1)).charge(Charge.INVALID_SIGNATURE);
        assertEquals(1000 / 32, resources.outboundBalance(at(1)));
        assertEquals(0, resources.newOutboundEndpoint(at(2)).balance(), "outbound: one account per endpoint");
    }
}
