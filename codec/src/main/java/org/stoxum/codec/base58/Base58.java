package org.stoxum.codec.base58;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;

/**
 * Base58 and base58check over one alphabet.
 *
 * <p>The alphabet comes from a {@link NetworkProfile}; Stoxum and Ripple differ only in the
 * digit-to-character table, so one instance per profile serves every token type.
 */
public final class Base58 {
    private static final Base58[] BY_PROFILE = new Base58[NetworkProfile.values().length];

    static {
        for (NetworkProfile p : NetworkProfile.values()) {
            BY_PROFILE[p.ordinal()] = new Base58(p.alphabet());
        }
    }

    private final char[] alphabet;
    /** The alphabet as Latin-1 bytes: encode builds its String from bytes, in one copy. */
    private final byte[] alphabetBytes;
    private final int[] indexes = new int[128];

    private Base58(String alphabet) {
        if (alphabet.length() != 58) {
            throw new IllegalArgumentException("a base58 alphabet has 58 characters");
        }
        this.alphabet = alphabet.toCharArray();
        this.alphabetBytes = alphabet.getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(indexes, -1);
        for (int i = 0; i < 58; i++) {
            indexes[this.alphabet[i]] = i;
        }
    }

    /** The codec for a profile's alphabet. */
    public static Base58 of(NetworkProfile profile) {
        return BY_PROFILE[profile.ordinal()];
    }

    /** 58^5, the largest power of 58 below 2^31: one long division yields five digits. */
    private static final long FIVE_DIGITS = 58L * 58 * 58 * 58 * 58;

    /**
     * Plain base58: each leading zero byte becomes one digit-0 character.
     *
     * <p>The number is held in 32-bit limbs and divided by 58^5 per pass, so an account address (25 bytes)
     * takes 7 passes over at most 7 limbs instead of 34 passes over 25 bytes; JSON output of
     * transactions and metadata spent most of its time here.
     */
    public String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        int length = input.length - zeros;
        int[] limbs = new int[(length + 3) / 4];
        int pos = zeros;
        for (int i = 0; i < limbs.length; i++) {
            int take = i == 0 ? length - (limbs.length - 1) * 4 : 4;
            int limb = 0;
            for (int k = 0; k < take; k++) {
                limb = (limb << 8) | (input[pos++] & 0xFF);
            }
            limbs[i] = limb;
        }
        // 256^n < 58^(1.37 n); a pass may leave up to four digit-0 characters of padding in front
        byte[] out = new byte[zeros + length * 137 / 100 + 6];
        int outStart = out.length;
        for (int start = 0; start < limbs.length; ) {
            long remainder = 0;
            for (int i = start; i < limbs.length; i++) {
                long current = (remainder << 32) | (limbs[i] & 0xFFFFFFFFL);
                limbs[i] = (int) (current / FIVE_DIGITS);
                remainder = current % FIVE_DIGITS;
            }
            while (start < limbs.length && limbs[start] == 0) {
                start++;
            }
            int digits = (int) remainder;
            for (int k = 0; k < 5; k++) {
                out[--outStart] = alphabetBytes[digits % 58];
                digits /= 58;
            }
        }
        while (outStart < out.length && out[outStart] == alphabetBytes[0]) {
            outStart++;
        }
        while (zeros-- > 0) {
            out[--outStart] = alphabetBytes[0];
        }
        return new String(out, outStart, out.length - outStart, StandardCharsets.ISO_8859_1);
    }

    /**
     * Plain base58 decoding.
     *
     * @throws CodecException for an empty string or a character outside the alphabet
     */
    public byte[] decode(String input) {
        if (input.isEmpty()) {
            throw new CodecException(CodecException.INVALID, "empty base58 string");
        }
        byte[] digits = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int d = c < 128 ? indexes[c] : -1;
            if (d < 0) {
                throw new CodecException(CodecException.INVALID,
                        "character '" + c + "' at position " + i + " is not in the base58 alphabet");
            }
            digits[i] = (byte) d;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        byte[] out = new byte[input.length()];
        int outStart = out.length;
        for (int start = zeros; start < digits.length; ) {
            out[--outStart] = (byte) divmod(digits, start, 58, 256);
            if (digits[start] == 0) {
                start++;
            }
        }
        while (outStart < out.length && out[outStart] == 0) {
            outStart++;
        }
        byte[] result = new byte[zeros + out.length - outStart];
        System.arraycopy(out, outStart, result, zeros, out.length - outStart);
        return result;
    }

    /** base58check of {@code type}'s version byte, the payload and a 4-byte double-SHA-256 checksum. */
    public String encodeToken(TokenType type, byte[] payload) {
        if (payload.length != type.payloadLength()) {
            throw new IllegalArgumentException(type + " payload must be " + type.payloadLength()
                    + " bytes, got " + payload.length);
        }
        return encodeChecked(new byte[] {(byte) type.version()}, payload);
    }

    /** base58check of {@code version || payload} for arbitrary version bytes. */
    public String encodeChecked(byte[] version, byte[] payload) {
        byte[] buf = new byte[version.length + payload.length + 4];
        System.arraycopy(version, 0, buf, 0, version.length);
        System.arraycopy(payload, 0, buf, version.length, payload.length);
        byte[] check = checksum(buf, buf.length - 4);
        System.arraycopy(check, 0, buf, buf.length - 4, 4);
        return encode(buf);
    }

    /**
     * Parses a token of the given type and returns its payload.
     *
     * @throws CodecException for bad characters, a bad checksum, a wrong version byte or a wrong length
     */
    public byte[] decodeToken(TokenType type, String token) {
        byte[] raw = decodeChecked(token);
        if ((raw[0] & 0xFF) != type.version()) {
            throw CodecException.invalid("token is not a " + type + " (version byte "
                    + (raw[0] & 0xFF) + ", expected " + type.version() + ")");
        }
        if (raw.length - 1 != type.payloadLength()) {
            throw CodecException.invalid(type + " payload must be " + type.payloadLength()
                    + " bytes, got " + (raw.length - 1));
        }
        return Arrays.copyOfRange(raw, 1, raw.length);
    }

    /**
     * Decodes base58check and returns {@code version || payload} (checksum verified and removed).
     *
     * @throws CodecException for bad characters, fewer than 5 bytes, or a bad checksum
     */
    public byte[] decodeChecked(String token) {
        byte[] buf = decode(token);
        if (buf.length < 5) {
            throw CodecException.invalid("base58check string too short");
        }
        byte[] check = checksum(buf, buf.length - 4);
        for (int i = 0; i < 4; i++) {
            if (check[i] != buf[buf.length - 4 + i]) {
                throw CodecException.invalid("base58check checksum mismatch");
            }
        }
        return Arrays.copyOf(buf, buf.length - 4);
    }

    /** Looking a digest up per token dominated address conversion in the JSON benchmarks. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    });

    private static byte[] checksum(byte[] data, int length) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(data, 0, length);
        return sha.digest(sha.digest());
    }

    /** Divides the big number in {@code number[start..]} (digits of base {@code base}) in place. */
    private static int divmod(byte[] number, int start, int base, int divisor) {
        int remainder = 0;
        for (int i = start; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return remainder;
    }
}
