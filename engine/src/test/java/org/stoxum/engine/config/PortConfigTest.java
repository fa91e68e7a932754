package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Role checks of node.md 3.1 as a port's settings decide them, and the [server] inheritance quirks. */
class PortConfigTest {
    private static InetAddress ip(String s) {
        return IpLiterals.parse(s).orElseThrow();
    }

    private static NodeConfig parse(String text) {
        return NodeConfigLoader.parse("t.cfg", text + "\n[node_db]\ntype=lmdb\npath=db\n", Optional.empty(),
                Path.of("/tmp"), Path.of("/tmp/data"), true);
    }

    @Test
    void adminNeedsTheAddressAndTheCredentialsWhenConfigured() {
        PortConfig open = parse("[server]\np\n[p]\nip=127.0.0.1\nport=1\nprotocol=http\nadmin=127.0.0.1").ports().get(0);
        assertTrue(open.admin(ip("127.0.0.1"), null, null));
        assertFalse(open.admin(ip("127.0.0.2"), null, null));

        PortConfig locked = parse("[server]\np\n[p]\nip=127.0.0.1\nport=1\nprotocol=http\nadmin=127.0.0.1\n"
                + "admin_user=root\nadmin_password=pw").ports().get(0);
        assertTrue(locked.admin(ip("127.0.0.1"), "root", "pw"));
        assertFalse(locked.admin(ip("127.0.0.1"), "root", null));
        assertFalse(locked.admin(ip("127.0.0.1"), "root", "bad"));

        PortConfig passwordOnly = parse("[server]\np\n[p]\nip=127.0.0.1\nport=1\nprotocol=http\nadmin=127.0.0.1\n"
                + "admin_password=pw").ports().get(0);
        assertTrue(passwordOnly.admin(ip("127.0.0.1"), "", "pw"), "an unset admin_user must be sent empty");
        assertFalse(passwordOnly.admin(ip("127.0.0.1"), null, "pw"));
    }

    @Test
    void everyoneIsAdminWithTheWildcard() {
        PortConfig p = parse("[server]\np\n[p]\nip=0.0.0.0\nport=1\nprotocol=ws\nadmin=0.0.0.0").ports().get(0);
        assertTrue(p.admin(ip("203.0.113.1"), null, null));
        assertTrue(p.admin(ip("2001:db8::1"), null, null));
    }

    @Test
    void identifiedNeedsAGatewayAndAUser() {
        PortConfig p = parse("[server]\np\n[p]\nip=0.0.0.0\nport=1\nprotocol=http\nsecure_gateway=192.0.2.1").ports().get(0);
        assertTrue(p.identified(ip("192.0.2.1"), "alice"));
        assertFalse(p.identified(ip("192.0.2.1"), ""));
        assertFalse(p.identified(ip("192.0.2.2"), "alice"));
        assertFalse(p.admin(ip("192.0.2.1"), null, null));
    }

    @Test
    void protocolsAccumulateFromServerButQueueLimitsDoNot() {
        NodeConfig c = parse("[server]\na\nb\nprotocol=http\nsend_queue_limit=7\n"
                + "[a]\nip=127.0.0.1\nport=1\nprotocol=ws\n"
                + "[b]\nip=127.0.0.1\nport=2\nsend_queue_limit=9\nlimit=5");
        assertTrue(c.ports().get(0).protocols().contains(PortProtocol.HTTP));
        assertTrue(c.ports().get(0).protocols().contains(PortProtocol.WS));
        assertEquals(PortConfig.DEFAULT_SEND_QUEUE_LIMIT, c.ports().get(0).sendQueueLimit());
        assertEquals(9, c.ports().get(1).sendQueueLimit());
        assertEquals(5, c.ports().get(1).limit());
        assertEquals(0, c.ports().get(0).limit());
    }

    @Test
    void standaloneDropsAPeerOnlyPortAndKeepsTheRestOfAMixedOne() {
        NodeConfig c = parse("[server]\na\nb\n[a]\nip=0.0.0.0\nport=1\nprotocol=peer\n"
                + "[b]\nip=0.0.0.0\nport=2\nprotocol=peer,wss");
        assertEquals(1, c.ports().size());
        assertEquals("b", c.ports().get(0).name());
        assertFalse(c.ports().get(0).peer());
        assertTrue(c.ports().get(0).secure());
    }

    @Test
    void subnetsMatchByPrefix() {
        IpMatcher m = IpMatcher.parse("192.168.0.0/16").orElseThrow();
        assertTrue(m.matches(ip("192.168.44.1")));
        assertFalse(m.matches(ip("192.169.0.1")));
        assertFalse(m.matches(ip("::1")));
        assertTrue(IpMatcher.parse("10.1.2.3/8").orElseThrow().matches(ip("10.200.0.0")));
        assertTrue(IpMatcher.parse("2001:db8::/32").orElseThrow().matches(ip("2001:db8:ffff::1")));
        assertTrue(IpMatcher.parse("1.2.3.4/33").isEmpty());
        assertTrue(IpMatcher.parse("0.0.0.0/8").isEmpty());
        assertTrue(IpMatcher.parse("example.com").isEmpty());
        assertTrue(IpLiterals.parse("01.2.3.4").isEmpty());
        assertTrue(IpLiterals.parse("1.2.3").isEmpty());
        assertTrue(IpLiterals.parse("fe80::1%eth0").isEmpty());
    }
}
