package org.stoxum.codec.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;

/** Manifests: stoxumd's Manifest_test cases, its recorded token manifest, and what "strict" reading adds. */
class ManifestTest {
    private static final BigInteger CURVE_ORDER =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    static KeyPair key(KeyType type, String passphrase) {
        return KeyPair.nodeFromSeed(Seed.fromPassphrase(passphrase), type);
    }

    static Stream<Arguments> keyTypes() {
        return Stream.of(KeyType.values()).flatMap(m -> Stream.of(KeyType.values()).map(s -> Arguments.of(m, s)));
    }

    /** A manifest object as the C++ tests build one: optional signing key and signature. */
    static STObject object(KeyPair master, KeyPair signing, long seq, boolean withSigningKey, boolean withSignature) {
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, seq)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes());
        if (withSigningKey) {
            st.setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes());
        }
        byte[] data = signingData(st);
        st.setBlob(SField.MASTER_SIGNATURE, master.sign(data));
        if (withSignature) {
            st.setBlob(SField.SIGNATURE, signing.sign(data));
        }
        return st;
    }

    static byte[] signingData(STObject st) {
        byte[] body = st.toSigningBytes();
        byte[] out = new byte[4 + body.length];
        HashPrefix.MANIFEST.writeTo(out, 0);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    @Test
    void recordedTokenManifestReadsAndVerifies() {
        Manifest m = Manifest.fromBase64(RecordedTokens.TOKEN_MANIFEST);
        assertEquals(1, m.sequence());
        assertFalse(m.revoked());
        assertTrue(m.verify());
        assertEquals(KeyType.ED25519, m.masterKey().type());
        KeyPair signing = KeyPair.fromSecret(KeyType.SECP256K1, Hex.decode(RecordedTokens.TOKEN_SECRET_HEX));
        assertEquals(Optional.of(signing.publicKey()), m.signingKey());
        assertEquals(RecordedTokens.TOKEN_MANIFEST, m.toBase64());
        assertArrayEquals(Base64.getDecoder().decode(RecordedTokens.TOKEN_MANIFEST), m.serialized());
    }

    @ParameterizedTest
    @MethodSource("keyTypes")
    void signedManifestRoundTripsAndVerifies(KeyType masterType, KeyType signingType) {
        KeyPair master = key(masterType, "master");
        KeyPair signing = key(signingType, "signing");
        Manifest m = Manifest.sign(master, signing, 7);
        assertEquals(master.publicKey(), m.masterKey());
        assertEquals(Optional.of(signing.publicKey()), m.signingKey());
        assertEquals(7, m.sequence());
        assertTrue(m.verify());
        Manifest again = Manifest.parse(m.serialized());
        assertEquals(m, again);
        assertTrue(again.verify());
        assertEquals(m, Manifest.fromBase64(m.toBase64()));
        // Same bytes as the C++ test's hand-built object (signatures are deterministic).
        assertArrayEquals(object(master, signing, 7, true, true).toBytes(), m.serialized());
    }

    @Test
    void signaturesCoverThePrefixedObjectWithoutSignatures() {
        KeyPair master = key(KeyType.ED25519, "m");
        KeyPair signing = key(KeyType.SECP256K1, "s");
        Manifest m = Manifest.sign(master, signing, 0);
        STObject unsigned = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, 0)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes());
        byte[] data = signingData(unsigned);
        assertArrayEquals(new byte[] {'M', 'A', 'N', 0}, Arrays.copyOf(data, 4));
        assertArrayEquals(signing.sign(data), m.signature().orElseThrow());
        assertArrayEquals(master.sign(data), m.masterSignature());
    }

    @Test
    void hashIsSha512HalfOfPrefixAndWholeManifest() {
        Manifest m = Manifest.sign(key(KeyType.ED25519, "m"), key(KeyType.SECP256K1, "s"), 3);
        byte[] expected = Sha512Half.of(new byte[] {'M', 'A', 'N', 0}, m.serialized());
        assertArrayEquals(expected, m.hash().toBytes());
        assertNotEquals(m.hash(), Manifest.sign(key(KeyType.ED25519, "m"), key(KeyType.SECP256K1, "s"), 4).hash());
    }

    @ParameterizedTest
    @MethodSource("keyTypes")
    void wrongKeysOrSignaturesDoNotVerify(KeyType masterType, KeyType signingType) {
        KeyPair master = key(masterType, "master");
        KeyPair signing = key(signingType, "signing");
        STObject good = object(master, signing, 1, true, true);

        // stoxumd's "valid manifest with invalid signature": the master key replaced by the signing key.
        STObject swapped = good.copy().setBlob(SField.PUBLIC_KEY, signing.publicKey().toBytes());
        Manifest m = Manifest.parse(swapped.toBytes());
        assertEquals(signing.publicKey(), m.masterKey());
        assertFalse(m.verify());

        STObject wrongMaster = good.copy().setBlob(SField.MASTER_SIGNATURE,
                key(masterType, "other").sign(signingData(good)));
        assertFalse(Manifest.parse(wrongMaster.toBytes()).verify());

        STObject wrongSigning = good.copy().setBlob(SField.SIGNATURE,
                key(signingType, "other").sign(signingData(good)));
        assertFalse(Manifest.parse(wrongSigning.toBytes()).verify());

        STObject otherSequence = good.copy().setU32(SField.SEQUENCE, 2);
        assertFalse(Manifest.parse(otherSequence.toBytes()).verify());
    }

    @Test
    void highSSignaturesAreRefusedForEitherKey() {
        KeyPair master = key(KeyType.SECP256K1, "master");
        KeyPair signing = key(KeyType.SECP256K1, "signing");
        STObject good = object(master, signing, 1, true, true);
        assertTrue(Manifest.parse(good.toBytes()).verify());
        for (SField f : new SField[] {SField.SIGNATURE, SField.MASTER_SIGNATURE}) {
            byte[] high = highSTwin(good.getBlob(f));
            STObject st = good.copy().setBlob(f, high);
            assertFalse(Manifest.parse(st.toBytes()).verify(), f.name());
            KeyPair signer = f == SField.MASTER_SIGNATURE ? master : signing;
            assertTrue(signer.publicKey().verify(signingData(good), high, false),
                    "the twin is a valid signature, only not fully canonical");
        }
    }

    /** The same ECDSA signature with S replaced by n - S (valid, but not fully canonical). */
    static byte[] highSTwin(byte[] der) {
        int rLen = der[3];
        byte[] r = Arrays.copyOfRange(der, 4, 4 + rLen);
        int sLen = der[5 + rLen];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, 6 + rLen, 6 + rLen + sLen));
        byte[] s2 = CURVE_ORDER.subtract(s).toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x02);
        body.write(r.length);
        body.writeBytes(r);
        body.write(0x02);
        body.write(s2.length);
        body.writeBytes(s2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    @Test
    void missingOrMalformedFieldsAreRefused() {
        KeyPair master = key(KeyType.ED25519, "master");
        KeyPair signing = key(KeyType.SECP256K1, "signing");
        STObject good = object(master, signing, 1, true, true);
        byte[] badType = Hex.decode("9930E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD020");
        byte[] shortKey = Hex.decode("0330");
        for (SField f : new SField[] {SField.SEQUENCE, SField.PUBLIC_KEY, SField.SIGNING_PUB_KEY,
                SField.MASTER_SIGNATURE, SField.SIGNATURE}) {
            STObject st = good.copy();
            st.remove(f);
            assertThrows(CodecException.class, () -> Manifest.parse(st.toBytes()), "without " + f.name());
        }
        for (SField f : new SField[] {SField.PUBLIC_KEY, SField.SIGNING_PUB_KEY}) {
            for (byte[] k : new byte[][] {badType, shortKey}) {
                STObject st = good.copy().setBlob(f, k);
                assertThrows(CodecException.class, () -> Manifest.parse(st.toBytes()), f.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("keyTypes")
    void revocationsNeedNeitherSigningKeyNorSignature(KeyType masterType, KeyType signingType) {
        KeyPair master = key(masterType, "master");
        KeyPair signing = key(signingType, "signing");
        for (boolean withKey : new boolean[] {true, false}) {
            for (boolean withSig : new boolean[] {true, false}) {
                Manifest m = Manifest.parse(object(master, signing, Manifest.REVOCATION_SEQUENCE, withKey, withSig)
                        .toBytes());
                assertTrue(m.revoked());
                assertEquals(master.publicKey(), m.masterKey());
                assertEquals(Optional.empty(), m.signingKey(), "a revocation's signing key is ignored");
                assertEquals(0xFFFF_FFFFL, m.sequence());
                assertTrue(m.verify());
            }
        }
        Manifest made = Manifest.revocation(master);
        assertTrue(made.revoked());
        assertTrue(made.verify());
        assertArrayEquals(object(master, signing, Manifest.REVOCATION_SEQUENCE, false, false).toBytes(),
                made.serialized());
        STObject forged = object(key(masterType, "thief"), signing, Manifest.REVOCATION_SEQUENCE, false, false)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes());
        assertFalse(Manifest.parse(forged.toBytes()).verify());
    }

    @Test
    void sequenceOfARevocationCannotBeSigned() {
        KeyPair master = key(KeyType.ED25519, "master");
        KeyPair signing = key(KeyType.SECP256K1, "signing");
        assertThrows(IllegalArgumentException.class, () -> Manifest.sign(master, signing, Manifest.REVOCATION_SEQUENCE));
        assertThrows(IllegalArgumentException.class, () -> Manifest.sign(master, signing, -1));
        assertEquals(0xFFFF_FFFEL, Manifest.sign(master, signing, 0xFFFF_FFFEL).sequence());
    }

    @Test
    void garbageAndNonCanonicalFormsAreRefused() {
        byte[] good = Manifest.sign(key(KeyType.ED25519, "m"), key(KeyType.SECP256K1, "s"), 1).serialized();
        // stoxumd Manifest_test: the serialization followed by a zero byte.
        assertThrows(CodecException.class, () -> Manifest.parse(concat(good, new byte[] {0})));
        assertThrows(CodecException.class, () -> Manifest.parse(concat(good, new byte[] {(byte) 0xE1, 1, 2})));
        assertThrows(CodecException.class, () -> Manifest.parse(Arrays.copyOf(good, good.length - 1)));
        assertThrows(CodecException.class, () -> Manifest.parse(new byte[0]));
        assertThrows(CodecException.class, () -> Manifest.fromBase64("bad manifest"));
        // Sequence (0x24 + 4 bytes) moved after PublicKey: same fields, not canonical.
        byte[] reordered = concat(Arrays.copyOfRange(good, 5, 5 + 35), concat(Arrays.copyOf(good, 5),
                Arrays.copyOfRange(good, 40, good.length)));
        assertEquals(good.length, reordered.length);
        assertThrows(CodecException.class, () -> Manifest.parse(reordered));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void otherFieldsAreKeptAndSigned() {
        KeyPair master = key(KeyType.ED25519, "m");
        KeyPair signing = key(KeyType.SECP256K1, "s");
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, 5)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes())
                .setBlob(SField.DOMAIN, "example.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] data = signingData(st);
        st.setBlob(SField.SIGNATURE, signing.sign(data));
        st.setBlob(SField.MASTER_SIGNATURE, master.sign(data));
        Manifest m = Manifest.parse(st.toBytes());
        assertTrue(m.verify());
        STObject otherDomain = st.copy().setBlob(SField.DOMAIN, new byte[] {'x'});
        assertFalse(Manifest.parse(otherDomain.toBytes()).verify());
    }
}
