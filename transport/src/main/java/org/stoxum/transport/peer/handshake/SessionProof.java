package org.stoxum.transport.peer.handshake;

import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.hash.Sha512Half;

/**
 * The proof that ties a node key to one TLS session, as stoxumd ties it: each side signs
 * {@code sha512Half(binding)} with its node key, where the binding is a value only the two ends of this
 * TLS session know. A man in the middle runs two sessions with two different bindings, so a signature
 * he relays from one does not verify on the other.
 */
public final class SessionProof {
    private static final int MINIMUM_BINDING_BYTES = 12;

    private SessionProof() {
    }

    /**
     * The shared value of a session: {@code sha512Half(binding)}.
     *
     * @throws HandshakeException when the binding is missing, short or all zero (stoxumd refuses a zero
     *     cookie)
     */
    public static byte[] sharedValue(byte[] binding) throws HandshakeException {
        if (binding == null || binding.length < MINIMUM_BINDING_BYTES || isZero(binding)) {
            throw new HandshakeException("Incorrect security cookie (possible MITM detected)");
        }
        byte[] value = Sha512Half.of(binding);
        if (isZero(value)) {
            throw new HandshakeException("Incorrect security cookie (possible MITM detected)");
        }
        return value;
    }

    /** Our session signature: a secp256k1 signature over the shared value itself (a digest). */
    public static byte[] sign(KeyPair nodeKey, byte[] sharedValue) {
        return nodeKey.signDigest(sharedValue);
    }

    /** True when {@code signature} is {@code key}'s signature over this session's shared value. */
    public static boolean verify(PublicKey key, byte[] sharedValue, byte[] signature) {
        return key.verifyDigest(sharedValue, signature, false);
    }

    private static boolean isZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }
}
