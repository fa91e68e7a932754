package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/** The configuration is checked once, as a whole. */
class ClusterConfigTest {
    private final KeyPair us = KeyPair.random(KeyType.SECP256K1);
    private final PublicKey other = KeyPair.random(KeyType.SECP256K1).publicKey();

    private ClusterConfig.Builder valid() {
        return ClusterConfig.builder().nodeKey(us).endpoint(new UdpEndpoint("10.0.0.1", 51237))
                .member(new ClusterMember(other, "b", new UdpEndpoint("10.0.0.2", 51237)));
    }

    @Test
    void defaultsAreStoxumdsIntervals() {
        ClusterConfig c = valid().build();
        assertEquals(Duration.ofSeconds(10), c.reportInterval());
        assertEquals(Duration.ofSeconds(90), c.staleAfter());
        assertEquals(Duration.ofSeconds(30), c.importExpiry());
        assertEquals(DriverMode.EMBEDDED, c.driverMode());
        assertEquals("10.0.0.1:51237", c.address(), "the address defaults to our endpoint");
        assertEquals(c.termLength() / 8, c.maxFrameLength());
    }

    @Test
    void aSharedListNamingUsToo() {
        ClusterConfig c = valid().member(new ClusterMember(us.publicKey(), "me", new UdpEndpoint("10.0.0.1", 51237)))
                .build();
        assertEquals(List.of(other), c.members().stream().map(ClusterMember::publicKey).toList());
    }

    @Test
    void badSettingsAreNamed() {
        refused("node key", b -> b.nodeKey(null));
        refused("endpoint for our own", b -> b.endpoint(null));
        refused("no other member", b -> ClusterConfig.builder().nodeKey(us).endpoint(new UdpEndpoint("h", 1)));
        refused("listed twice", b -> b.member(new ClusterMember(other, "again", new UdpEndpoint("10.0.0.3", 1))));
        refused("given twice", b -> b.member(new ClusterMember(KeyPair.random(KeyType.ED25519).publicKey(), "",
                new UdpEndpoint("10.0.0.2", 51237))));
        refused("term length", b -> b.termLength(100_000));
        refused("term length", b -> b.termLength(32 * 1024));
        refused("stale limit must exceed", b -> b.staleAfter(Duration.ofSeconds(10)));
        refused("report interval must be positive", b -> b.reportInterval(Duration.ZERO));
        refused("command buffer", b -> b.commandBufferLength(5000));
        refused("our name", b -> b.name("n".repeat(300)));
    }

    private void refused(String expected, UnaryOperator<ClusterConfig.Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(valid()).build());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
