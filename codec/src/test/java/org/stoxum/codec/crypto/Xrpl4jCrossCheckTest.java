package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.xrpl.xrpl4j.codec.addresses.UnsignedByteArray;
import org.xrpl.xrpl4j.crypto.keys.Entropy;
import org.xrpl.xrpl4j.crypto.keys.Passphrase;
import org.xrpl.xrpl4j.crypto.signing.Signature;
import org.xrpl.xrpl4j.crypto.signing.bc.BcSignatureService;

/**
 * Cross-check with xrpl4j, an independent implementation of the same (Ripple) rules: the same seed gives
 * the same keys and address, both sign the same message to the same bytes, and each verifies the
 * other's signatures. xrpl4j's raw-byte sign/verify are protected, so a subclass opens them.
 */
class Xrpl4jCrossCheckTest {

    /** Exposes xrpl4j's raw-message signing and verification (secp256k1 hashes with SHA512Half inside). */
    private static final class RawSignatureService extends BcSignatureService {
        Signature sign(org.xrpl.xrpl4j.crypto.keys.PrivateKey key, byte[] message) {
            UnsignedByteArray m = UnsignedByteArray.of(message);
            return key.keyType() == org.xrpl.xrpl4j.codec.addresses.KeyType.ED25519 ? edDsaSign(key, m) : ecDsaSign(key, m);
        }

        boolean verify(org.xrpl.xrpl4j.crypto.keys.PublicKey key, byte[] message, byte[] sig) {
            UnsignedByteArray m = UnsignedByteArray.of(message);
            Signature s = Signature.of(UnsignedByteArray.of(sig));
            return key.keyType() == org.xrpl.xrpl4j.codec.addresses.KeyType.ED25519
                    ? edDsaVerify(key, m, s) : ecDsaVerify(key, m, s);
        }
    }

    private final RawSignatureService xrpl4j = new RawSignatureService();

    @Test
    void keysSignaturesAndVerificationAgree() {
        Random random = new Random(4);
        for (int i = 0; i < 24; i++) {
            KeyType type = i % 2 == 0 ? KeyType.SECP256K1 : KeyType.ED25519;
            byte[] entropy = new byte[16];
            random.nextBytes(entropy);
            org.xrpl.xrpl4j.crypto.keys.KeyPair theirs = (type == KeyType.SECP256K1
                    ? org.xrpl.xrpl4j.crypto.keys.Seed.secp256k1SeedFromEntropy(Entropy.of(entropy))
                    : org.xrpl.xrpl4j.crypto.keys.Seed.ed25519SeedFromEntropy(Entropy.of(entropy))).deriveKeyPair();
            KeyPair ours = KeyPair.fromSeed(Seed.of(entropy), type);

            assertEquals(theirs.publicKey().base16Value(), ours.publicKey().toString());
            assertArrayEquals(theirs.privateKey().naturalBytes().toByteArray(), ours.secretKey());
            assertEquals(theirs.publicKey().deriveAddress().value(), ours.accountId().toAddress(NetworkProfile.RIPPLE));

            byte[] message = new byte[1 + random.nextInt(300)];
            random.nextBytes(message);
            byte[] ourSig = ours.sign(message);
            byte[] theirSig = xrpl4j.sign(theirs.privateKey(), message).value().toByteArray();
            assertArrayEquals(theirSig, ourSig, "deterministic signatures are identical");
            assertTrue(xrpl4j.verify(theirs.publicKey(), message, ourSig), "xrpl4j verifies ours");
            assertTrue(ours.publicKey().verify(message, theirSig, true), "we verify xrpl4j's");
            message[0] ^= 1;
            assertFalse(xrpl4j.verify(theirs.publicKey(), message, ourSig));
            assertFalse(ours.publicKey().verify(message, theirSig, false));
        }
    }

    @Test
    void passphraseSeedsAgree() {
        for (String phrase : new String[] {"masterpassphrase", "Non-Random Passphrase", ""}) {
            org.xrpl.xrpl4j.crypto.keys.KeyPair theirs =
                    org.xrpl.xrpl4j.crypto.keys.Seed.secp256k1SeedFromPassphrase(Passphrase.of(phrase)).deriveKeyPair();
            KeyPair ours = KeyPair.fromSeed(Seed.fromPassphrase(phrase), KeyType.SECP256K1);
            assertEquals(theirs.publicKey().base16Value(), ours.publicKey().toString(), phrase);
        }
    }
}
