package org.stoxum.perf.jmh;

import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/**
 * Ed25519 signing and verification of a real signed Payment's signing message, ours against Bouncy
 * Castle's RFC 8032 code.
 *
 * <p>Our signing is Bouncy Castle's, so that pair measures only our wrapper. Our verification is not: it
 * reproduces ed25519-donna's acceptance rules (which differ from RFC 8032's on edge cases, and consensus
 * needs stoxumd's answer) on Bouncy Castle's field arithmetic, so that pair compares two different
 * algorithms for the same answer on honest signatures. Both verifying sides hold a decoded key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmarks {
    SignedTransaction vector;
    KeyPair ours;
    PublicKey oursPublic;
    private byte[] bcSecret;
    private Ed25519.PublicPoint bcPublic;
    private final byte[] bcSignature = new byte[Ed25519.SIGNATURE_SIZE];

    @Setup
    public void setup() {
        vector = SignedTransaction.load(SignedTransaction.PAYMENT_ED25519);
        ours = KeyPair.fromSecret(KeyType.ED25519, vector.secretKey());
        oursPublic = PublicKey.of(vector.publicKey());
        if (!oursPublic.verify(vector.signingMessage(), vector.signature(), true)) {
            throw new IllegalStateException("the vector's signature does not verify: benchmark inputs are wrong");
        }
        bcSecret = vector.secretKey();
        bcPublic = Ed25519.validatePublicKeyPartialExport(vector.publicKey(), 1);
    }

    // ---------------------------------------------------------------- sign

    @Benchmark
    public byte[] signOurs() {
        return ours.sign(vector.signingMessage());
    }

    @Benchmark
    public byte[] signBouncyCastle() {
        byte[] m = vector.signingMessage();
        Ed25519.sign(bcSecret, 0, vector.publicKey(), 1, m, 0, m.length, bcSignature, 0);
        return bcSignature;
    }

    // ---------------------------------------------------------------- verify

    /** A {@link PublicKey} held across calls: its decoded point and table are cached after the first verify. */
    @Benchmark
    public boolean verifyOurs() {
        return oursPublic.verify(vector.signingMessage(), vector.signature(), true);
    }

    /** The key as raw bytes: decoded (a square root) and tabulated on every call. */
    @Benchmark
    public boolean verifyOursRawKey() {
        return PublicKey.verify(vector.publicKey(), vector.signingMessage(), vector.signature(), true);
    }

    /** RFC 8032 verification with Bouncy Castle's pre-decoded public point. */
    @Benchmark
    public boolean verifyBouncyCastle() {
        byte[] m = vector.signingMessage();
        return Ed25519.verify(vector.signature(), 0, bcPublic, m, 0, m.length);
    }

    /** Both cores verifying at once, as the node checks transaction signatures in parallel. */
    @Benchmark
    @Threads(2)
    public boolean verifyOursTwoThreads() {
        return verifyOurs();
    }

    @Benchmark
    @Threads(2)
    public boolean verifyBouncyCastleTwoThreads() {
        return verifyBouncyCastle();
    }
}
