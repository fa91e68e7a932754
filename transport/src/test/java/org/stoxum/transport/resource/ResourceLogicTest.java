package org.stoxum.transport.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One set of balances: decay, the cluster's remote share, gossip export and drop notices. */
class ResourceLogicTest {
    private long now = 1_000;
    private final ResourceLogic logic = new ResourceLogic(() -> now, 5000, 15000);
    private final InetAddress client = address("192.0.2.7");

    @Test
    void inboundAccountsCountTheRemoteShareOutboundOnesDoNot() {
        InetSocketAddress dialled = new InetSocketAddress(client, 51235);
        logic.addRemoteBalance("192.0.2.7", 14_000);
        assertEquals(14_000, logic.inboundBalance(client), "known only from the cluster");
        ResourceLogic.Account in = logic.inbound(client);
        assertEquals(ResourceLogic.Level.WARN, logic.level(in.charge(32 * 500)));
        assertEquals(ResourceLogic.Level.DROP, logic.level(in.charge(32 * 500)));
        assertEquals(1000, logic.outbound(dialled).charge(32 * 1000), "no remote share for a peer we dial");
        logic.addRemoteBalance("192.0.2.7", -14_000);
        assertEquals(1000, in.balance());
    }

    @Test
    void onlyInboundAccountsPastTheGossipMinimumAreExported() {
        logic.inbound(client).charge(32 * 1000);
        logic.inbound(address("192.0.2.8")).charge(32 * 999);
        logic.outbound(new InetSocketAddress(address("192.0.2.9"), 51235)).charge(32 * 5000);
        logic.addRemoteBalance("192.0.2.10", 9000);
        assertEquals(Map.of("192.0.2.7", 1000), logic.exportConsumers(), "local charges only, never re-exported");
    }

    @Test
    void aDropChargesTheEndpointAndTellsTheClusterOfInboundOnes() {
        List<String> dropped = new ArrayList<>();
        logic.onDrop((address, balance) -> dropped.add(address + "=" + balance));
        ResourceLogic.Account in = logic.inbound(client);
        in.charge(32 * 14_999);
        assertFalse(in.disconnect(32 * 100), "under the threshold");
        in.charge(32);
        assertTrue(in.disconnect(32 * 100));
        assertEquals(List.of("192.0.2.7=15100"), dropped);
        ResourceLogic.Account out = logic.outbound(new InetSocketAddress(client, 1));
        out.charge(32 * 15_000);
        assertTrue(out.disconnect(0));
        assertEquals(1, dropped.size(), "an endpoint we dial is not ours to report");
    }

    @Test
    void balancesDecayOverTheWindow() {
        ResourceLogic.Account a = logic.inbound(client);
        a.charge(3200);
        now++;
        assertEquals((3200 - 100) / 32, a.balance(), "a second takes a 32nd of the sample, rounded up");
        now += 4 * 32 + 1;
        assertEquals(0, a.balance());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
