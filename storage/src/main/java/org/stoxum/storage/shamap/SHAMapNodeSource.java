package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * Where a tree loads the nodes it knows only by hash (a node store, or a peer-fed cache during sync).
 *
 * <p>Implementations build nodes with {@link SHAMapTreeNode#fromWire(byte[], Hash256, SHAMapNodeSource, int)}
 * (or the prefix-form equivalent), passing themselves so that the loaded node's own children load the
 * same way, and must verify the hash. Called from any thread that reads a tree.
 */
@FunctionalInterface
public interface SHAMapNodeSource {
    /**
     * The node with this hash, or {@code null} if the source does not hold it.
     *
     * @throws SHAMapException if the source holds bytes that do not hash to {@code hash}
     */
    SHAMapTreeNode fetchNode(Hash256 hash);
}
