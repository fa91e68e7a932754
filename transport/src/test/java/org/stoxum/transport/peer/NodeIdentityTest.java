package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;

class NodeIdentityTest {
    private static final class MemoryStore implements NodeIdentity.Store {
        byte[] secret;

        @Override
        public Optional<byte[]> load() {
            return Optional.ofNullable(secret);
        }

        @Override
        public void save(byte[] s) {
            secret = s.clone();
        }
    }

    @Test
    void aConfiguredSeedWinsAndNothingIsStored() {
        Seed seed = Seed.fromPassphrase("masterpassphrase");
        MemoryStore store = new MemoryStore();
        KeyPair key = NodeIdentity.resolve(Optional.of(seed), store);
        assertEquals(KeyPair.nodeFromSeed(seed, KeyType.SECP256K1).publicKey(), key.publicKey());
        assertNull(store.secret);
    }

    @Test
    void aGeneratedKeyIsKeptAndReusedOnTheNextStart() {
        MemoryStore store = new MemoryStore();
        KeyPair first = NodeIdentity.resolve(Optional.empty(), store);
        assertNotNull(store.secret);
        assertArrayEquals(first.secretKey(), store.secret);
        assertEquals(first.publicKey(), NodeIdentity.resolve(Optional.empty(), store).publicKey());
        assertEquals(KeyType.SECP256K1, first.type());
    }
}
