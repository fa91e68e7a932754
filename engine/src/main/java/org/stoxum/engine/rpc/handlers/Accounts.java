package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * How commands read an account (rippled's {@code accountFromString}): an address, an account public key,
 * or, unless strict, any seed form, read as the secp256k1 account of that seed (so a mistyped address is
 * taken for a passphrase and its lookup answers actNotFound, as stoxumd does).
 */
public final class Accounts {
    private Accounts() {
    }

    /** An address or account public key, or empty. */
    public static Optional<AccountId> parseStrict(String ident, NetworkProfile profile) {
        try {
            return Optional.of(PublicKey.fromBase58(TokenType.ACCOUNT_PUBLIC, ident, profile).accountId());
        } catch (CodecException e) {
            // not a public key; try an address
        }
        try {
            return Optional.of(AccountId.fromAddress(ident, profile));
        } catch (CodecException e) {
            return Optional.empty();
        }
    }

    /**
     * The account {@code ident} names.
     *
     * @throws RpcFailure actMalformed (strict) or badSeed
     */
    public static AccountId parse(String ident, boolean strict, NetworkProfile profile) {
        Optional<AccountId> id = parseStrict(ident, profile);
        if (id.isPresent()) {
            return id.get();
        }
        if (strict) {
            throw RpcFailure.of(RpcError.ACT_MALFORMED);
        }
        Seed seed = Seed.parseGeneric(ident, profile).orElseThrow(() -> RpcFailure.of(RpcError.BAD_SEED));
        return KeyPair.fromSeed(seed, KeyType.SECP256K1).accountId();
    }

    /** An address only (rippled's {@code parseBase58<AccountID>}), or empty. */
    public static Optional<AccountId> parseAddress(JsonNode v, NetworkProfile profile) {
        if (v == null || !v.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccountId.fromAddress(v.textValue(), profile));
        } catch (CodecException e) {
            return Optional.empty();
        }
    }
}
