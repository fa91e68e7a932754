package org.stoxum.engine.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.config.NodeConfig;

/**
 * The node's identity on the peer network: from {@code [node_seed]}, or else one generated on first start and
 * kept beside the node store (stoxumd keeps it in its wallet database), so peers and cluster members see the
 * same node key across restarts. A stand-alone server never talks to peers and takes a fresh key each run.
 */
final class NodeKeys {
    private static final Logger LOG = LoggerFactory.getLogger(NodeKeys.class);
    /** The file, in the node store's folder, that keeps a generated node seed (hex). */
    static final String FILE_NAME = "node_identity";

    private NodeKeys() {
    }

    static KeyPair nodeKey(NodeConfig config) {
        if (config.nodeSeed().isPresent()) {
            return fromSeed(Seed.of(config.nodeSeed().get().entropy()));
        }
        if (config.standalone()) {
            return KeyPair.random(KeyType.SECP256K1);
        }
        return fromSeed(kept(config.nodeDb().path().resolve(FILE_NAME)));
    }

    private static KeyPair fromSeed(Seed seed) {
        return KeyPair.nodeFromSeed(seed, KeyType.SECP256K1);
    }

    private static Seed kept(Path file) {
        try {
            if (Files.exists(file)) {
                String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
                try {
                    return Seed.fromHex(hex);
                } catch (CodecException e) {
                    throw new StartupException("the node identity file " + file + " is damaged (" + e.getMessage()
                            + "); delete it to generate a new node key, or set [node_seed]");
                }
            }
            Seed seed = Seed.random();
            Files.createDirectories(file.getParent());
            Files.writeString(file, seed.toHex() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's permissions protect it
            }
            LOG.info("generated a node identity, kept in {}", file);
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node identity in " + file, e);
        }
    }
}
