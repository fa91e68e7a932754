package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.manifest.ValidatorToken;
import org.stoxum.engine.app.LedgerStart;

/** server_info names the validator by its master key, whichever way the config gives its identity. */
class ValidatorIdentityServerTest {
    @Test
    void validatorTokenShowsTheMasterKey() throws Exception {
        KeyPair master = KeyPair.fromSeed(Seed.fromPassphrase("master"), KeyType.ED25519);
        KeyPair signing = KeyPair.nodeFromSeed(Seed.fromPassphrase("ephemeral"), KeyType.SECP256K1);
        ValidatorToken token = ValidatorToken.of(Manifest.sign(master, signing, 1), signing);
        String section = "[validator_token]\n" + String.join("\n", token.configLines()) + "\n";
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(false), section)) {
            assertEquals(master.publicKey().toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM),
                    node.call("server_info", null).at("/info/pubkey_validator").asText());
        }
    }

    @Test
    void legacyValidationSeedShowsItsNodeKey() throws Exception {
        Seed seed = Seed.fromPassphrase("validator");
        String section = "[validation_seed]\n" + seed.toBase58(NetworkProfile.STOXUM) + "\n";
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(false), section)) {
            assertEquals(KeyPair.nodeFromSeed(seed, KeyType.SECP256K1).publicKey()
                            .toBase58(TokenType.NODE_PUBLIC, NetworkProfile.STOXUM),
                    node.call("server_info", null).at("/info/pubkey_validator").asText());
        }
    }

    @Test
    void noIdentityShowsNone() throws Exception {
        try (TestNodes.Node node = TestNodes.start(false)) {
            assertEquals("none", node.call("server_info", null).at("/info/pubkey_validator").asText());
        }
    }
}
