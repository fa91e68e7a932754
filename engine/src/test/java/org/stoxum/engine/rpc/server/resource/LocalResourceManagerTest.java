package org.stoxum.engine.rpc.server.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.stoxum.transport.peer.resource.LocalPeerResources;
import org.stoxum.transport.peer.resource.PeerConsumer;
import org.stoxum.transport.resource.ResourceLogic;

/** Balances decay, warn and drop as the original resource manager's do, on a hand-driven clock. */
class LocalResourceManagerTest {

    /** A clock the test moves. */
    private static final class ManualClock implements InstantSource {
        private Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static final InetAddress A = InetAddress.getLoopbackAddress();

    @Test
    void balanceIsTheSampleOverTheWindowAndDecays() {
        ManualClock clock = new ManualClock();
        LocalResourceManager manager = new LocalResourceManager(clock, 5000, 15000);
        ResourceConsumer c = manager.newInboundEndpoint(A);
        assertEquals(Disposition.OK, c.charge(Charge.HIGH_BURDEN_RPC));
        assertEquals(3000 / 32, c.balance());
        clock.advance(Duration.ofSeconds(1));
        // one second takes ceil(3000 / 32) = 94 off the sample
        assertEquals(2906 / 32, c.balance());
        clock.advance(Duration.ofSeconds(200));
        assertEquals(0, c.balance());
        c.charge(Charge.HIGH_BURDEN_RPC);
        assertEquals(c.balance(), manager.newInboundEndpoint(A).balance(), "one account per address");
        assertEquals(3000 / 32, manager.balance(A));
    }

    @Test
    void warningsAreChargedOncePerSecondAndDropsChargeToo() {
        ManualClock clock = new ManualClock();
        LocalResourceManager manager = new LocalResourceManager(clock, 100, 200);
        ResourceConsumer c = manager.newInboundEndpoint(A);
        assertFalse(c.warn());
        c.charge(Charge.HIGH_BURDEN_RPC);
        c.charge(Charge.HIGH_BURDEN_RPC);
        assertEquals(6000 / 32, c.balance());
        assertTrue(c.warn());
        assertEquals(8000 / 32, c.balance());
        assertFalse(c.warn(), "not twice in the same second");
        assertTrue(c.disconnect());
        assertEquals(11000 / 32, c.balance());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(c.warn());
    }

    @Test
    void thresholdsGiveDispositions() {
        LocalResourceManager manager = new LocalResourceManager(new ManualClock(), 100, 200);
        ResourceConsumer c = manager.newInboundEndpoint(A);
        assertEquals(Disposition.OK, c.charge(new Charge(3199, "x")));
        assertEquals(Disposition.WARN, c.charge(new Charge(1, "x")));
        assertEquals(Disposition.DROP, c.charge(new Charge(3200, "x")));
        assertFalse(manager.newUnlimitedEndpoint(A).disconnect());
        assertTrue(manager.newUnlimitedEndpoint(A).isUnlimited());
        assertFalse(c.isUnlimited());
    }

    @Test
    void aPeerDroppedAtTheOverlayIsRefusedByTheApiFromItsAddress() {
        ResourceLogic logic = new ResourceLogic(() -> 0, LocalResourceManager.WARNING_THRESHOLD,
                LocalResourceManager.DROP_THRESHOLD);
        LocalResourceManager api = new LocalResourceManager(logic);
        PeerConsumer peer = new LocalPeerResources(logic).newInboundEndpoint(new InetSocketAddress(A, 51235));
        ResourceConsumer client = api.newInboundEndpoint(A);
        assertFalse(client.disconnect());
        while (peer.charge(org.stoxum.transport.peer.resource.Charge.INVALID_SIGNATURE)
                != org.stoxum.transport.peer.resource.Disposition.DROP) {
            assertTrue(api.balance(A) < LocalResourceManager.DROP_THRESHOLD);
        }
        assertTrue(client.disconnect(), "one resource manager, as stoxumd's");
    }
}
