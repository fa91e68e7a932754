package org.stoxum.engine.config;

import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;

/** Reads the key and seed tokens a config may hold, in the network profile's alphabet. */
final class KeyTokens {
    private KeyTokens() {
    }

    /** A base58 node public key whose 33 bytes start with 0xED, 0x02 or 0x03. */
    static Optional<byte[]> nodePublic(NetworkProfile profile, String token) {
        try {
            byte[] key = Base58.of(profile).decodeToken(TokenType.NODE_PUBLIC, token);
            return validPublicKey(key) ? Optional.of(key) : Optional.empty();
        } catch (CodecException e) {
            return Optional.empty();
        }
    }

    /** A base58 family seed's 16 bytes. */
    static Optional<byte[]> familySeed(NetworkProfile profile, String token) {
        try {
            return Optional.of(Base58.of(profile).decodeToken(TokenType.FAMILY_SEED, token));
        } catch (CodecException e) {
            return Optional.empty();
        }
    }

    /** A hex public key (validator list publishers): 33 bytes starting with 0xED, 0x02 or 0x03. */
    static Optional<byte[]> hexPublic(String hex) {
        if (!Hex.isHex(hex) || hex.length() != 66) {
            return Optional.empty();
        }
        byte[] key = Hex.decode(hex);
        return validPublicKey(key) ? Optional.of(key) : Optional.empty();
    }

    static boolean validPublicKey(byte[] key) {
        if (key.length != 33) {
            return false;
        }
        int type = key[0] & 0xFF;
        return type == 0xED || type == 0x02 || type == 0x03;
    }
}
