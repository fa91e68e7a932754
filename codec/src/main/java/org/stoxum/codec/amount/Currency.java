package org.stoxum.codec.amount;

import java.util.Arrays;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** A 160-bit currency code, ordered as an unsigned number. */
public final class Currency implements Comparable<Currency> {
    public static final int LENGTH = 20;
    /** All zero: the native currency. */
    public static final Currency NATIVE = new Currency(new byte[LENGTH]);
    /** Value 1: rippled's "no currency". */
    public static final Currency NO_CURRENCY;
    /** ISO code "XRP": rejected as temBAD_CURRENCY on both networks. */
    public static final Currency BAD;

    static {
        byte[] one = new byte[LENGTH];
        one[LENGTH - 1] = 1;
        NO_CURRENCY = new Currency(one);
        byte[] bad = new byte[LENGTH];
        bad[12] = 'X';
        bad[13] = 'R';
        bad[14] = 'P';
        BAD = new Currency(bad);
    }

    private final byte[] bytes;
    private final int hash;

    private Currency(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Currency of(byte[] twentyBytes) {
        if (twentyBytes.length != LENGTH) {
            throw CodecException.invalid("a currency is 20 bytes, got " + twentyBytes.length);
        }
        return new Currency(twentyBytes.clone());
    }

    public static Currency of(byte[] buf, int offset) {
        if (offset < 0 || offset > buf.length - LENGTH) {
            throw CodecException.invalid("a currency needs 20 bytes");
        }
        return new Currency(Arrays.copyOfRange(buf, offset, offset + LENGTH));
    }

    public static Currency fromJson(String code, NetworkProfile p) {
        throw CodecException.invalid("not implemented yet");
    }

    public String toJson(NetworkProfile p) {
        return Hex.encode(bytes);
    }

    public boolean isNative() {
        return this.equals(NATIVE);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public void writeTo(byte[] out, int off) {
        System.arraycopy(bytes, 0, out, off, LENGTH);
    }

    @Override
    public int compareTo(Currency o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Currency c && c.hash == hash && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
