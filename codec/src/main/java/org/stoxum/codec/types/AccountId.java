package org.stoxum.codec.types;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;

/**
 * A 160-bit account identifier. Ordered as an unsigned number, which is how signer lists and trust
 * lines decide "low" and "high" accounts.
 */
public final class AccountId implements Comparable<AccountId> {
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

    private final byte[] bytes;
    private final int hash;

    private AccountId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static AccountId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw CodecException.invalid("an account ID is 20 bytes, got " + bytes.length);
        }
        return new AccountId(bytes.clone());
    }

    public static AccountId of(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length) {
            throw CodecException.invalid("an account ID needs 20 bytes");
        }
        return new AccountId(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
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

    public byte[] toBytes() {
        return bytes.clone();
    }

    public void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    @Override
    public int compareTo(AccountId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountId a && a.hash == hash && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Hex of the 20 bytes (addresses need a profile: use {@link #toAddress}). */
    @Override
    public String toString() {
        return org.stoxum.codec.Hex.encode(bytes);
    }
}
