package org.stoxum.codec.crypto;

/**
 * libsecp256k1 through ACINQ's JNI binding: the library stoxumd itself uses, and several times faster
 * than the pure-Java path.
 *
 * <p>The binding takes keys as bytes and parses them on every call; the parsed form kept here is the
 * 65-byte uncompressed encoding, whose parse needs no square root and so saves a good part of a verify.
 * The binding reports bad input by throwing, which is turned into a failed verification.
 */
final class NativeSecp256k1Backend implements Secp256k1Backend {
    private final fr.acinq.secp256k1.Secp256k1 lib;

    private NativeSecp256k1Backend(fr.acinq.secp256k1.Secp256k1 lib) {
        this.lib = lib;
    }

    /**
     * Loads the native library and checks that it works.
     *
     * @throws RuntimeException or {@link LinkageError} as the loader threw them (missing library,
     *     unsupported platform, missing Kotlin runtime)
     */
    static NativeSecp256k1Backend load() {
        fr.acinq.secp256k1.Secp256k1 lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        NativeSecp256k1Backend backend = new NativeSecp256k1Backend(lib);
        byte[] one = new byte[32];
        one[31] = 1;
        if (backend.publicKey(one).length != 33) {
            throw new IllegalStateException("native secp256k1 returned a malformed public key");
        }
        return backend;
    }

    @Override
    public String name() {
        return "native libsecp256k1 (JNI)";
    }

    @Override
    public byte[] publicKey(byte[] secret) {
        return lib.pubKeyCompress(lib.pubkeyCreate(secret));
    }

    @Override
    public byte[] signCompact(byte[] secret, byte[] digest) {
        // libsecp256k1's default nonce is RFC 6979 without extra data, exactly what stoxumd passes, and
        // its signatures are always low-S.
        return lib.sign(digest, secret);
    }

    @Override
    public Object parsePublicKey(byte[] compressed) {
        try {
            return lib.pubkeyParse(compressed);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean verifyCompact(Object parsedKey, byte[] digest, byte[] compactSignature) {
        try {
            return lib.verify(compactSignature, digest, (byte[]) parsedKey);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
