package org.stoxum.transport.peer;

import java.util.Optional;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;

/**
 * Chooses the node key a server proves to its peers, as stoxumd does: the key of {@code [node_seed]}
 * when configured (cluster members pin their identity this way), else the key kept in the wallet
 * database, else a fresh random key that is then kept there, so a node keeps its identity across
 * restarts.
 */
public final class NodeIdentity {
    /** Where the generated node key lives (stoxumd keeps it in wallet.db's NodeIdentity table). */
    public interface Store {
        /** The 32-byte secret kept earlier, if any. */
        Optional<byte[]> load();

        /** Keeps a newly generated secret. */
        void save(byte[] secret);
    }

    private NodeIdentity() {
    }

    /**
     * The node key.
     *
     * @param nodeSeed {@code [node_seed]}, if configured
     * @param store    the wallet database's node identity
     */
    public static KeyPair resolve(Optional<Seed> nodeSeed, Store store) {
        if (nodeSeed.isPresent()) {
            return KeyPair.nodeFromSeed(nodeSeed.get(), KeyType.SECP256K1);
        }
        Optional<byte[]> kept = store.load();
        if (kept.isPresent()) {
            return KeyPair.fromSecret(KeyType.SECP256K1, kept.get());
        }
        KeyPair fresh = KeyPair.random(KeyType.SECP256K1);
        store.save(fresh.secretKey());
        return fresh;
    }
}
