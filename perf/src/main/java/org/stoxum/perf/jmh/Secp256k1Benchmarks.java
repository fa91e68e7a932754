package org.stoxum.perf.jmh;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/**
 * secp256k1 signing and verification of a real signed Payment's signing message ({@code STX\0} ||
 * signing serialization), ours against two references: ACINQ's JNI binding of libsecp256k1 called
 * directly (the library stoxumd links, so the ceiling for our native path) and Bouncy Castle's ECDSA
 * (what our pure-Java fallback is built on). Every side hashes the message with SHA512Half itself, as
 * stoxumd's {@code sign} and {@code verify} do.
 *
 * <p>{@code backend=fallback} makes the native library unloadable in this (forked) JVM before our codec
 * first touches secp256k1, so the same "ours" methods then time the Bouncy Castle backend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Secp256k1Benchmarks {
    static final String NATIVE = "native";
    static final String FALLBACK = "fallback";
    /** Where ACINQ's loader unpacks its library; a directory that cannot exist makes the load fail. */
    private static final String ACINQ_TMPDIR = "fr.acinq.secp256k1.tmpdir";

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    @Param({NATIVE, FALLBACK})
    String backend;

    SignedTransaction vector;
    KeyPair ours;
    PublicKey oursPublic;
    private fr.acinq.secp256k1.Secp256k1 lib;
    /** The key in libsecp256k1's cheapest form to parse (65 bytes, uncompressed), as our backend caches it. */
    private byte[] uncompressedKey;
    private MessageDigest jdkSha512;
    private final SHA512Digest bcSha512 = new SHA512Digest();
    private final byte[] bcDigestOut = new byte[64];
    private ECDSASigner bcSigner;
    private ECDSASigner bcVerifier;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        if (FALLBACK.equals(backend)) {
            forceFallback();
        } else {
            lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        }
        vector = SignedTransaction.load(SignedTransaction.PAYMENT_SECP256K1);
        ours = KeyPair.fromSecret(KeyType.SECP256K1, vector.secretKey());
        oursPublic = PublicKey.of(vector.publicKey());
        if (!oursPublic.verify(vector.signingMessage(), vector.signature(), true)) {
            throw new IllegalStateException("the vector's signature does not verify: benchmark inputs are wrong");
        }
        if (lib != null) {
            uncompressedKey = lib.pubkeyParse(vector.publicKey());
        }
        jdkSha512 = MessageDigest.getInstance("SHA-512");
        bcSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        bcSigner.init(true, new ECPrivateKeyParameters(new BigInteger(1, vector.secretKey()), DOMAIN));
        bcVerifier = new ECDSASigner();
        bcVerifier.init(false, new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(vector.publicKey()), DOMAIN));
    }

    /**
     * Points ACINQ's loader at a directory that cannot exist and checks the library really does not
     * load, so a figure labelled fallback cannot silently be a native one.
     */
    private static void forceFallback() {
        System.setProperty(ACINQ_TMPDIR, "/nonexistent/stoxum-perf-no-native");
        try {
            fr.acinq.secp256k1.Secp256k1.Companion.get().secKeyVerify(new byte[32]);
        } catch (RuntimeException | LinkageError expected) {
            return;
        }
        throw new IllegalStateException("native secp256k1 still loads; cannot measure the fallback");
    }

    // ---------------------------------------------------------------- sign

    @Benchmark
    public byte[] signOurs() {
        return ours.sign(vector.signingMessage());
    }

    /** libsecp256k1 through the binding: SHA512Half, sign (RFC 6979, low-S), DER. */
    @Benchmark
    public byte[] signNative() {
        return lib.compact2der(lib.sign(jdkSha512Half(vector.signingMessage()), vector.secretKey()));
    }

    /** Bouncy Castle: SHA512Half, ECDSA with the RFC 6979 HMAC-SHA256 nonce, low-S, DER. */
    @Benchmark
    public byte[] signBouncyCastle() {
        BigInteger[] rs = bcSigner.generateSignature(bcSha512Half(vector.signingMessage()));
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
        try {
            return StandardDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- verify

    /** A {@link PublicKey} held across calls: its decoded point is cached after the first verify. */
    @Benchmark
    public boolean verifyOurs() {
        return oursPublic.verify(vector.signingMessage(), vector.signature(), true);
    }

    /** The key as raw bytes (a transaction's SigningPubKey, say): decoded on every call. */
    @Benchmark
    public boolean verifyOursRawKey() {
        return PublicKey.verify(vector.publicKey(), vector.signingMessage(), vector.signature(), true);
    }

    /** libsecp256k1 through the binding: SHA512Half, then verify of the DER signature with the parsed key. */
    @Benchmark
    public boolean verifyNative() {
        return lib.verify(vector.signature(), jdkSha512Half(vector.signingMessage()), uncompressedKey);
    }

    /** Bouncy Castle: SHA512Half, DER decode, ECDSA verify against the decoded point. */
    @Benchmark
    public boolean verifyBouncyCastle() {
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), vector.signature());
            return bcVerifier.verifySignature(bcSha512Half(vector.signingMessage()), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Both cores verifying at once, as the node checks transaction signatures in parallel. */
    @Benchmark
    @Threads(2)
    public boolean verifyOursTwoThreads() {
        return verifyOurs();
    }

    @Benchmark
    @Threads(2)
    public boolean verifyNativeTwoThreads() {
        return verifyNative();
    }

    private byte[] jdkSha512Half(byte[] message) {
        return Arrays.copyOf(jdkSha512.digest(message), 32);
    }

    private byte[] bcSha512Half(byte[] message) {
        bcSha512.update(message, 0, message.length);
        bcSha512.doFinal(bcDigestOut, 0);
        return Arrays.copyOf(bcDigestOut, 32);
    }
}
