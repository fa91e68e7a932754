package org.stoxum.codec.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-512 truncated to its first 32 bytes: the protocol's hash for IDs, tree nodes and keys.
 *
 * <p>Uses the JDK's MessageDigest (near C speed here, about twice Bouncy Castle). Digests are not
 * thread-safe, so instances are kept per thread; a caller on a hot path can hold a {@link Sha512Half}
 * of its own and feed it without allocating.
 */
public final class Sha512Half {
    private static final ThreadLocal<Sha512Half> PER_THREAD = ThreadLocal.withInitial(Sha512Half::new);

    private final MessageDigest digest;
    private final byte[] full = new byte[64];

    public Sha512Half() {
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }

    /** This thread's reusable instance, reset. */
    public static Sha512Half local() {
        Sha512Half h = PER_THREAD.get();
        h.digest.reset();
        return h;
    }

    /** SHA512Half of the concatenation of {@code parts}. */
    public static byte[] of(byte[]... parts) {
        Sha512Half h = local();
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.finish();
    }

    /** SHA512Half of {@code prefix || parts...}. */
    public static byte[] of(HashPrefix prefix, byte[]... parts) {
        Sha512Half h = local();
        h.update(prefix);
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.finish();
    }

    public Sha512Half update(HashPrefix prefix) {
        int v = prefix.value();
        digest.update((byte) (v >>> 24));
        digest.update((byte) (v >>> 16));
        digest.update((byte) (v >>> 8));
        digest.update((byte) v);
        return this;
    }

    public Sha512Half update(byte[] data) {
        digest.update(data);
        return this;
    }

    public Sha512Half update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
        return this;
    }

    public Sha512Half update(java.nio.ByteBuffer data) {
        digest.update(data);
        return this;
    }

    public Sha512Half updateU32(long v) {
        digest.update((byte) (v >>> 24));
        digest.update((byte) (v >>> 16));
        digest.update((byte) (v >>> 8));
        digest.update((byte) v);
        return this;
    }

    public Sha512Half updateU64(long v) {
        updateU32(v >>> 32);
        return updateU32(v);
    }

    /** Finishes into a new 32-byte array and resets. */
    public byte[] finish() {
        byte[] out = new byte[32];
        finish(out, 0);
        return out;
    }

    /** Finishes into {@code out} at {@code offset} without allocating, and resets. */
    public void finish(byte[] out, int offset) {
        try {
            digest.digest(full, 0, 64);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        System.arraycopy(full, 0, out, offset, 32);
    }
}
