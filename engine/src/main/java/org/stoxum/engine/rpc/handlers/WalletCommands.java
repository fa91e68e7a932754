package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * {@code wallet_propose}: new account keys from a seed given or made up, shown in every spelling (base58,
 * hex, RFC 1751 words).
 */
public final class WalletCommands {
    private static final String LOW_ENTROPY = "This wallet was generated using a user-supplied passphrase that has "
            + "low entropy and is vulnerable to brute-force attacks.";
    private static final String USER_PASSPHRASE = "This wallet was generated using a user-supplied passphrase. "
            + "It may be vulnerable to brute-force attacks.";

    private WalletCommands() {
    }

    public static ObjectNode walletPropose(RpcContext ctx) {
        ObjectNode params = ctx.params();
        NetworkProfile profile = ctx.profile();
        KeyType keyType = KeyType.SECP256K1;
        if (params.has("key_type")) {
            if (!params.get("key_type").isTextual()) {
                return RpcError.expectedField("key_type", "string");
            }
            var parsed = KeyType.fromName(params.get("key_type").textValue());
            if (parsed.isEmpty()) {
                return RpcError.INVALID_PARAMS.make();
            }
            keyType = parsed.get();
        }
        Seed seed = params.has("passphrase") || params.has("seed") || params.has("seed_hex")
                ? Seeds.fromParams(params, profile) : Seed.random();
        KeyPair keys = KeyPair.fromSeed(seed, keyType);
        String words = seed.toRfc1751();
        String hex = seed.toHex();
        String base58 = seed.toBase58(profile);
        ObjectNode out = RpcContext.object();
        out.put("master_seed", base58);
        out.put("master_seed_hex", hex);
        out.put("master_key", words);
        out.put("account_id", keys.accountId().toAddress(profile));
        out.put("public_key", keys.publicKey().toBase58(TokenType.ACCOUNT_PUBLIC, profile));
        out.put("key_type", keyType.apiName());
        out.put("public_key_hex", Json.hex(keys.publicKey().toBytes()));
        if (params.has("passphrase")) {
            String passphrase = ctx.string("passphrase");
            if (!passphrase.equals(words) && !passphrase.equals(base58) && !passphrase.equals(hex)) {
                out.put("warning", estimateEntropy(passphrase) < 80.0 ? LOW_ENTROPY : USER_PASSPHRASE);
            }
        }
        return out;
    }

    /** Shannon entropy of the characters times the length, floored (stoxumd's {@code estimate_entropy}). */
    static double estimateEntropy(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        Map<Byte, Integer> freq = new HashMap<>();
        for (byte b : bytes) {
            freq.merge(b, 1, Integer::sum);
        }
        double se = 0;
        for (int f : freq.values()) {
            double x = (double) f / bytes.length;
            se += x * (Math.log(x) / Math.log(2));
        }
        return Math.floor(-se * bytes.length);
    }
}
