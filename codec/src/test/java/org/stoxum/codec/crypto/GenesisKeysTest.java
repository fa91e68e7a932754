package org.stoxum.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.hash.Sha512Half;

/** protocol.md 4.5 (genesis account from "masterpassphrase") and the 6.3 worked signature. */
class GenesisKeysTest {
    private static final Seed GENESIS = Seed.fromPassphrase("masterpassphrase");

    @Test
    void genesisSeedAndSecp256k1Keys() {
        assertEquals("DEDCE9CE67B451D852FD4E846FCDE31C", GENESIS.toHex());
        assertEquals("tErGpxZ8JPJWJmfiM7BdHLq7D4fMB", GENESIS.toBase58(NetworkProfile.STOXUM));
        assertEquals("snoPBrXtMeMyMHUVTgbuqAfg1SUTb", GENESIS.toBase58(NetworkProfile.RIPPLE));
        for (Secp256k1Backend b : Backends.all()) {
            KeyPair root = KeyPair.nodeFromSeed(GENESIS, KeyType.SECP256K1, b);
            assertEquals("395898665728F57DE5D90F1DE102278A967D6941A45A6C9A98CB123394489E55", Hex.encode(root.secretKey()));
            assertEquals("03D49C56E1B185F1BE899AE66A02EFC17F78EA6FC53AF85E0FE54C6E8B7F8C71A8", root.publicKey().toString());
            KeyPair account = KeyPair.fromSeed(GENESIS, KeyType.SECP256K1, b);
            assertEquals("1ACAAEDECE405B2A958212629E16F2EB46B153EEE94CDD350FDEFF52795525B7", Hex.encode(account.secretKey()));
            assertEquals("0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD020", account.publicKey().toString());
            assertEquals("Xp5zVn5L6btDPMoT9L5Zxv74Ad81Nh932YchSFqfGMhvSi3XyY7Y",
                    account.publicKey().toBase58(TokenType.ACCOUNT_PUBLIC, NetworkProfile.STOXUM));
            assertEquals("B5F762798A53D543A014CAF8B297CFF8F2F937E8", account.accountId().toString());
            assertEquals("xmB23jLgWpAxb2DingE2kNuduzABYU8WMy", account.accountId().toAddress(NetworkProfile.STOXUM));
            assertEquals("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", account.accountId().toAddress(NetworkProfile.RIPPLE));
        }
    }

    @Test
    void genesisSeedAsEd25519() {
        KeyPair ed = KeyPair.fromSeed(GENESIS, KeyType.ED25519);
        assertEquals("93D09224D09221B8845E7A9772E0D6259CD01029C557CD95978CC674E0192B25", Hex.encode(ed.secretKey()));
        assertEquals("EDAAC3F98BB94F451804EF5993C847DAAA4E6154F455635659D88AA5C80F156303", ed.publicKey().toString());
        assertEquals("AA066C988C712815CC37AF71472B7CBBBD4E2A0A", ed.accountId().toString());
        assertEquals("xzgxKW5HyMF2ZdSzwGuXWrSBZbmAuA5sFq", ed.accountId().toAddress(NetworkProfile.STOXUM));
    }

    @Test
    void workedPaymentSignature() {
        byte[] signingData = Hex.decode("535458001200002280000000240000000161400000003B9ACA0068400000000000000A7321"
                + "0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD0208114B5F7"
                + "62798A53D543A014CAF8B297CFF8F2F937E88314AA066C988C712815CC37AF71472B7CBBBD"
                + "4E2A0A");
        byte[] expected = Hex.decode("3044022048712D4AE9477CB3007B9E5871F7CAD5C58BD739F0C996D42E205DE3D56DF92002"
                + "20216032D4267E2129B1DE677E0A2F8261715E7ABCA42E6681C1C54785FF3B6EC2");
        for (Secp256k1Backend b : Backends.all()) {
            KeyPair genesis = KeyPair.fromSeed(GENESIS, KeyType.SECP256K1, b);
            assertArrayEquals(expected, genesis.sign(signingData, b));
            assertArrayEquals(expected, genesis.signDigest(Sha512Half.of(signingData), b));
            assertTrue(genesis.publicKey().verify(signingData, expected, true, b));
        }
    }
}
