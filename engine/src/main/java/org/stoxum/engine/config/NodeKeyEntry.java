package org.stoxum.engine.config;

import java.util.Arrays;
import org.stoxum.codec.Hex;

/**
 * A node public key listed in the config ({@code [validators]}, {@code [validator_keys]},
 * {@code [cluster_nodes]}): the key, how it was written and the comment after it.
 */
public final class NodeKeyEntry {
    private final byte[] publicKey;
    private final String token;
    private final String comment;
    private final String source;
    private final int line;

    NodeKeyEntry(byte[] publicKey, String token, String comment, String source, int line) {
        this.publicKey = publicKey.clone();
        this.token = token;
        this.comment = comment;
        this.source = source;
        this.line = line;
    }

    /** The 33-byte public key (0xED-prefixed for ed25519, 0x02/0x03 for secp256k1). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The base58 node public key as written. */
    public String token() {
        return token;
    }

    /** Whatever followed the key on its line (a name for a cluster member), possibly empty. */
    public String comment() {
        return comment;
    }

    /** The file the key was read from. */
    public String source() {
        return source;
    }

    /** The line the key was read from. */
    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeKeyEntry e && Arrays.equals(e.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return token + " (" + Hex.encode(publicKey) + ")" + (comment.isEmpty() ? "" : " " + comment);
    }
}
