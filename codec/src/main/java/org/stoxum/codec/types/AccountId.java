package org.stoxum.codec.types;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;

/**
 * A 160-bit account identifier. Ordered as an unsigned number, which is how signer lists and trust
 * lines decide "low" and "high" accounts.
 */
public final class AccountId extends FixedBytes<AccountId> {
    public static final int LENGTH = 20;
    /** All zero: the native currency's pseudo-issuer. */
    public static final AccountId ZERO = new AccountId(new byte[LENGTH]);
    /** Value 1: rippled's "no account". */
    public static final AccountId ONE;

    static {
        byte[] one = new byte[LENGTH];
        one[LENGTH - 1] = 1;
        ONE = new AccountId(one);
    }

    private AccountId(byte[] bytes) {
        super(bytes);
    }

    public static AccountId of(byte[] bytes) {
        return new AccountId(copyExact(bytes, LENGTH, "an account ID"));
    }

    public static AccountId of(byte[] bytes, int offset) {
        return new AccountId(copy(bytes, offset, LENGTH, "an account ID"));
    }

    /** RIPEMD-160(SHA-256(public key)): the account of a 33-byte public key of either type. */
    public static AccountId fromPublicKey(byte[] publicKey) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(publicKey);
            RIPEMD160Digest ripemd = new RIPEMD160Digest();
            ripemd.update(sha, 0, sha.length);
            byte[] out = new byte[LENGTH];
            ripemd.doFinal(out, 0);
            return new AccountId(out);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses an address in the profile's alphabet.
     *
     * @throws CodecException with token {@code actMalformed} when it is not a valid address
     */
    public static AccountId fromAddress(String address, NetworkProfile profile) {
        try {
            return new AccountId(Base58.of(profile).decodeToken(TokenType.ACCOUNT_ID, address));
        } catch (CodecException e) {
            throw new CodecException("actMalformed", "malformed account address: " + e.getMessage(), e);
        }
    }

    /** The base58 address in the profile's alphabet. */
    public String toAddress(NetworkProfile profile) {
        return Base58.of(profile).encodeToken(TokenType.ACCOUNT_ID, bytes);
    }
}
