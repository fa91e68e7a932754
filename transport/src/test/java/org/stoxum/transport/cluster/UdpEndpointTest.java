package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UdpEndpointTest {
    @Test
    void parsesHostsPortsAndIpv6() {
        assertEquals(new UdpEndpoint("10.0.0.2", 6000), UdpEndpoint.parse("10.0.0.2:6000", 1));
        assertEquals(new UdpEndpoint("node-b.example", 51237), UdpEndpoint.parse(" node-b.example ", 51237));
        assertEquals(new UdpEndpoint("::1", 7), UdpEndpoint.parse("[::1]:7", 1));
        assertEquals(new UdpEndpoint("fe80::2", 9), UdpEndpoint.parse("fe80::2", 9));
        assertEquals("[::1]:7", new UdpEndpoint("::1", 7).toString());
        assertEquals("10.0.0.2:6000", new UdpEndpoint("10.0.0.2", 6000).toString());
    }

    @Test
    void refusesWhatIsNotAnEndpoint() {
        for (String bad : new String[] {"", "host:0", "host:70000", "host:x", "[::1", "[::1]7", "a|b:1", "a b:1"}) {
            assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse(bad, 1), bad);
        }
    }
}
