package org.stoxum.engine.rpc.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.transport.cluster.MemberStatus;

/** {@code peers}' cluster section in stoxumd doPeers' shape. */
class PeersClusterJsonTest {
    private final PublicKey loaded = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final PublicKey normal = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final PublicKey oldLedger = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final PublicKey silent = KeyPair.random(KeyType.SECP256K1).publicKey();

    @Test
    void membersAreKeyedByNodeKeyWithTagFeeRatioAndAge() {
        ObjectNode json = NodeCommands.clusterJson(List.of(
                new MemberStatus(loaded, "alpha", MemberStatus.Status.UP, 640, Optional.of(Duration.ofMillis(2_900)),
                        "10.0.0.1:51237"),
                new MemberStatus(normal, "beta", MemberStatus.Status.UP, 256, Optional.of(Duration.ZERO), ""),
                new MemberStatus(oldLedger, "", MemberStatus.Status.STALE, 0, Optional.of(Duration.ofSeconds(95)), ""),
                new MemberStatus(silent, "delta", MemberStatus.Status.STALE, 256, Optional.empty(), "")),
                NetworkProfile.STOXUM);
        assertEquals(List.of(key(loaded), key(normal), key(oldLedger), key(silent)),
                fieldNames(json), "one entry per member, keyed by its node public key");

        JsonNode a = json.get(key(loaded));
        assertEquals("alpha", a.path("tag").asText());
        assertEquals(2.5, a.path("fee").asDouble(), "load fee relative to 256");
        assertTrue(a.path("fee").isDouble());
        assertTrue(a.path("age").isIntegralNumber());
        assertEquals(2, a.path("age").asLong(), "whole seconds");
        assertEquals("up", a.path("status").asText());

        JsonNode b = json.get(key(normal));
        assertFalse(b.has("fee"), "normal load: no fee");
        assertEquals(0, b.path("age").asLong());

        JsonNode c = json.get(key(oldLedger));
        assertFalse(c.has("fee"), "fee 0 (old validated ledger): no fee");
        assertFalse(c.has("tag"), "no name: no tag");
        assertEquals(95, c.path("age").asLong());
        assertEquals("stale", c.path("status").asText());

        JsonNode d = json.get(key(silent));
        assertFalse(d.has("age"), "never reported: no age");
    }

    @Test
    void keysFollowTheNetworkProfile() {
        ObjectNode json = NodeCommands.clusterJson(List.of(new MemberStatus(normal, "", MemberStatus.Status.UP, 256,
                Optional.empty(), "")), NetworkProfile.RIPPLE);
        assertTrue(json.has(normal.toBase58(TokenType.NODE_PUBLIC, NetworkProfile.RIPPLE)));
    }

    private static String key(PublicKey k) {
        return k.toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM);
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
