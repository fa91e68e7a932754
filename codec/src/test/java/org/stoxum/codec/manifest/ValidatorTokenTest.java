package org.stoxum.codec.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;

/** Tokens: stoxumd's recorded token blobs, the validator-keys guide's example, and our own round trip. */
class ValidatorTokenTest {
    /**
     * The example token of the validator-keys tool's guide (doc/validator-keys-tool-guide.md), as published:
     * two characters were turned into {@code '|'} (both are {@code 'l'} in stoxumd's copy of the same token).
     */
    static final String GUIDE_TOKEN = String.join("\n",
            "eyJ2YWxpZGF0aW9uX3NlY3J|dF9rZXkiOiI5ZWQ0NWY4NjYyNDFjYzE4YTI3NDdiNT",
            "QzODdjMDYyNTkwNzk3MmY0ZTcxOTAyMzFmYWE5Mzc0NTdmYT|kYWY2IiwibWFuaWZl",
            "c3QiOiJKQUFBQUFGeEllMUZ0d21pbXZHdEgyaUNjTUpxQzlnVkZLaWxHZncxL3ZDeE",
            "hYWExwbGMyR25NaEFrRTFhZ3FYeEJ3RHdEYklENk9NU1l1TTBGREFscEFnTms4U0tG",
            "bjdNTzJmZGtjd1JRSWhBT25ndTlzQUtxWFlvdUorbDJWMFcrc0FPa1ZCK1pSUzZQU2",
            "hsSkFmVXNYZkFpQnNWSkdlc2FhZE9KYy9hQVpva1MxdnltR21WcmxIUEtXWDNZeXd1",
            "NmluOEhBU1FLUHVnQkQ2N2tNYVJGR3ZtcEFUSGxHS0pkdkRGbFdQWXk1QXFEZWRGdj",
            "VUSmEydzBpMjFlcTNNWXl3TFZKWm5GT3I3QzBrdzJBaVR6U0NqSXpkaXRROD0ifQ==");

    /** The guide's example revocation, mangled the same way (here the lost character is {@code 'I'}). */
    static final String GUIDE_REVOCATION = "JP////9xIe0hvssbqmgzFH4/NDp1z|3ShkmCtFXuC5A0IUocppHopnASQN2MuMD1Puoyjvnr"
            + "jQ2KJSO/2tsjRhjO6q0QQHppslQsKNSXWxjGQNIEa6nPisBOKlDDcJVZAMP4QcIyNCadzgM=";

    /** The guide's "# validator public key" line: 'I' is in no base58 alphabet, and it names neither key above. */
    static final String GUIDE_PUBLIC_KEY = "nHUtNnLVx7odrz5dnfb2xpIgbEeJPbzJWfdicSkGyVw1eE5GpjQr";

    @Test
    void recordedTokenDecodesWithItsWhiteSpace() {
        ValidatorToken t = ValidatorToken.decode(RecordedTokens.TOKEN_BLOB);
        assertEquals(RecordedTokens.TOKEN_MANIFEST, t.manifestBase64());
        byte[] secret = Base58.of(NetworkProfile.RIPPLE).decodeToken(TokenType.NODE_PRIVATE,
                RecordedTokens.TOKEN_SECRET_RIPPLE);
        assertArrayEquals(secret, t.validationSecretKey());
        assertArrayEquals(Hex.decode(RecordedTokens.TOKEN_SECRET_HEX), secret);
        Manifest m = t.manifest();
        assertTrue(m.verify());
        assertEquals(m.signingKey().orElseThrow(), t.signingKeyPair().publicKey());
        assertEquals(ValidatorToken.decode(String.join("", RecordedTokens.TOKEN_BLOB)).manifestBase64(), t.manifestBase64());
    }

    @Test
    void mismatchedTokenDecodesButItsSecretIsNotTheManifestsKey() {
        ValidatorToken t = ValidatorToken.decode(RecordedTokens.MISMATCHED_BLOB);
        Manifest m = t.manifest();
        assertNotEquals(m.signingKey().orElseThrow(), t.signingKeyPair().publicKey());
    }

    @Test
    void guideExampleIsCorruptAsPublishedAndStoxumdsTokenOnceRepaired() {
        assertThrows(CodecException.class, () -> ValidatorToken.decode(GUIDE_TOKEN));
        ValidatorToken repaired = ValidatorToken.decode(GUIDE_TOKEN.replace('|', 'l'));
        ValidatorToken recorded = ValidatorToken.decode(RecordedTokens.TOKEN_BLOB);
        assertEquals(recorded.manifestBase64(), repaired.manifestBase64());
        assertArrayEquals(recorded.validationSecretKey(), repaired.validationSecretKey());
        assertTrue(repaired.manifest().verify());

        assertEquals(RecordedTokens.TOKEN_MASTER_RIPPLE,
                repaired.manifest().masterKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.RIPPLE));
        assertEquals(RecordedTokens.TOKEN_MASTER_STOXUM,
                repaired.manifest().masterKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM));

        assertThrows(CodecException.class, () -> Manifest.fromBase64(GUIDE_REVOCATION));
        assertFalse(Manifest.fromBase64(GUIDE_REVOCATION.replace('|', 'l')).verify());
        Manifest revocation = Manifest.fromBase64(GUIDE_REVOCATION.replace('|', 'I'));
        assertTrue(revocation.revoked());
        assertTrue(revocation.verify(), "the repaired guide revocation carries a valid master signature");
        assertEquals("nHBcJJmkUSDzFg1nuaHW2aRytRbrvPhXo1BjL7T4ibfe7vVhm9T6",
                revocation.masterKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.RIPPLE),
                "not the token's master key: the guide's examples come from different key files");

        for (NetworkProfile p : NetworkProfile.values()) {
            assertThrows(CodecException.class,
                    () -> Base58.of(p).decodeToken(TokenType.NODE_PUBLIC, GUIDE_PUBLIC_KEY));
        }
    }

    @Test
    void badTokensAreRefused() {
        for (String bad : new String[] {"badtoken", "bad token", "", "e30=", // {}
                Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString("{\"manifest\":1,\"validation_secret_key\":\"00\"}"
                        .getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString("{\"manifest\":\"x\",\"validation_secret_key\":\"0g\"}"
                        .getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString("{\"manifest\":\"x\",\"validation_secret_key\":\"00FF\"}"
                        .getBytes(StandardCharsets.UTF_8))}) {
            assertThrows(CodecException.class, () -> ValidatorToken.decode(bad), bad);
        }
    }

    @Test
    void madeTokenRoundTripsThroughItsConfigLines() {
        KeyPair master = ManifestTest.key(KeyType.ED25519, "master");
        KeyPair signing = ManifestTest.key(KeyType.SECP256K1, "signing");
        Manifest m = Manifest.sign(master, signing, 1);
        ValidatorToken t = ValidatorToken.of(m, signing);
        String json = new String(Base64.getDecoder().decode(t.encode()), StandardCharsets.UTF_8);
        assertEquals("{\"manifest\":\"" + m.toBase64() + "\",\"validation_secret_key\":\""
                + Hex.encode(signing.secretKey()) + "\"}", json);
        List<String> lines = t.configLines();
        assertEquals(t.encode(), String.join("", lines));
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(i == lines.size() - 1 ? lines.get(i).length() <= 72 : lines.get(i).length() == 72);
        }
        ValidatorToken back = ValidatorToken.decode(lines);
        assertEquals(m, back.manifest());
        assertArrayEquals(signing.secretKey(), back.validationSecretKey());
        assertEquals(signing.publicKey(), back.signingKeyPair().publicKey());
    }

    @Test
    void tokensNeedTheManifestsOwnSecp256k1Key() {
        KeyPair master = ManifestTest.key(KeyType.ED25519, "master");
        KeyPair signing = ManifestTest.key(KeyType.SECP256K1, "signing");
        Manifest m = Manifest.sign(master, signing, 1);
        assertThrows(IllegalArgumentException.class,
                () -> ValidatorToken.of(m, ManifestTest.key(KeyType.SECP256K1, "other")));
        assertThrows(IllegalArgumentException.class, () -> ValidatorToken.of(Manifest.revocation(master), signing));
        KeyPair edSigning = ManifestTest.key(KeyType.ED25519, "signing");
        assertThrows(IllegalArgumentException.class,
                () -> ValidatorToken.of(Manifest.sign(master, edSigning, 1), edSigning));
    }

    @Test
    void base64IsReadAsStoxumdReadsIt() {
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), TolerantBase64.decode("YWJj"));
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), TolerantBase64.decode("YWI="));
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), TolerantBase64.decode("YWI"));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), TolerantBase64.decode("YWJj YWJj"));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), TolerantBase64.decode("YWJj=YWJj"));
        assertArrayEquals(new byte[0], TolerantBase64.decode("Y"));
        assertArrayEquals(new byte[0], TolerantBase64.decode("\u00e9YWJj"));
    }
}
