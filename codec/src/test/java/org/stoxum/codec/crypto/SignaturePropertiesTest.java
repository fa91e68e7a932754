package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;

/**
 * Round trips on random seeds for both key types and both secp256k1 backends, and random bytes in every
 * parameter position: verification answers false, never throws.
 */
class SignaturePropertiesTest {

    @Property(tries = 60)
    void signaturesRoundTripOnBothBackendsAndAgree(@ForAll @Size(16) byte[] seedBytes, @ForAll byte[] message,
                                                    @ForAll KeyType type) {
        Seed seed = Seed.of(seedBytes);
        byte[] first = null;
        for (Secp256k1Backend b : Backends.all()) {
            KeyPair kp = KeyPair.fromSeed(seed, type, b);
            byte[] sig = kp.sign(message, b);
            if (first == null) {
                first = sig;
            }
            assertArrayEquals(first, sig, "backends sign alike");
            for (Secp256k1Backend verifier : Backends.all()) {
                assertTrue(kp.publicKey().verify(message, sig, true, verifier));
                byte[] other = java.util.Arrays.copyOf(message, message.length + 1);
                assertFalse(kp.publicKey().verify(other, sig, false, verifier));
            }
        }
    }

    @Property(tries = 40)
    void backendsDeriveTheSameKeys(@ForAll @Size(16) byte[] seedBytes) {
        Seed seed = Seed.of(seedBytes);
        KeyPair bc = KeyPair.fromSeed(seed, KeyType.SECP256K1, Secp256k1.bouncyCastle());
        KeyPair bcNode = KeyPair.nodeFromSeed(seed, KeyType.SECP256K1, Secp256k1.bouncyCastle());
        for (Secp256k1Backend b : Backends.all()) {
            assertEquals(bc.publicKey(), KeyPair.fromSeed(seed, KeyType.SECP256K1, b).publicKey());
            assertEquals(bcNode.publicKey(), KeyPair.nodeFromSeed(seed, KeyType.SECP256K1, b).publicKey());
        }
    }

    @Property(tries = 300)
    void garbageNeverThrows(@ForAll("keys") byte[] key, @ForAll byte[] message, @ForAll("signatures") byte[] sig,
                            @ForAll boolean fullyCanonical) {
        Optional<PublicKey> parsed = PublicKey.parse(key);
        PublicKey.verify(key, message, sig, fullyCanonical);
        EcdsaCanonicality.of(sig);
        if (parsed.isPresent()) {
            for (Secp256k1Backend b : Backends.all()) {
                boolean a = parsed.get().verify(message, sig, fullyCanonical, b);
                boolean d = parsed.get().verifyDigest(message, sig, fullyCanonical, b);
                assertEquals(a, parsed.get().verify(message, sig, fullyCanonical, Secp256k1.bouncyCastle()));
                assertEquals(d, parsed.get().verifyDigest(message, sig, fullyCanonical, Secp256k1.bouncyCastle()));
            }
        }
    }

    @Property(tries = 200)
    void arbitraryStringsParseOrFailCleanly(@ForAll String s) {
        for (NetworkProfile p : NetworkProfile.values()) {
            Seed.parseGeneric(s, p);
            expectCodecExceptionOrValue(() -> Seed.fromBase58(s, p));
            expectCodecExceptionOrValue(() -> Seed.fromHex(s));
            expectCodecExceptionOrValue(() -> Seed.fromRfc1751(s));
            expectCodecExceptionOrValue(() -> PublicKey.fromBase58(org.stoxum.codec.base58.TokenType.NODE_PUBLIC, s, p));
        }
    }

    private static void expectCodecExceptionOrValue(Runnable r) {
        try {
            r.run();
        } catch (CodecException expected) {
            // the one permitted failure
        }
    }

    /** Mostly typed 33-byte keys (so verification gets past the type check), some of any length. */
    @Provide
    Arbitrary<byte[]> keys() {
        Arbitrary<byte[]> typed = Arbitraries.bytes().array(byte[].class).ofSize(32).flatMap(body ->
                Arbitraries.of((byte) 0x02, (byte) 0x03, (byte) 0xED).map(prefix -> {
                    byte[] k = new byte[33];
                    k[0] = prefix;
                    System.arraycopy(body, 0, k, 1, 32);
                    return k;
                }));
        return Arbitraries.oneOf(typed, typed, Arbitraries.bytes().array(byte[].class).ofMaxSize(70));
    }

    /** Strict DER of random r and s, DER-looking bytes, 64-byte, and arbitrary signatures. */
    @Provide
    Arbitrary<byte[]> signatures() {
        Arbitrary<byte[]> strictDer = Arbitraries.bytes().array(byte[].class).ofSize(64).map(Secp256k1::compactToDer);
        Arbitrary<byte[]> derish = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(72).map(b -> {
            b[0] = 0x30;
            b[1] = (byte) (b.length - 2);
            return b;
        });
        return Arbitraries.oneOf(strictDer, derish, Arbitraries.bytes().array(byte[].class).ofSize(64),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(80));
    }
}
