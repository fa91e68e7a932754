package org.stoxum.codec.amount;

import com.fasterxml.jackson.databind.JsonNode;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;

/** An amount of the native currency (drops) or of an issued currency (mantissa, exponent, issue). */
public final class STAmount implements Comparable<STAmount> {
    private final long mantissa;
    private final int exponent;
    private final boolean negative;
    private final boolean nativeAmount;
    private final Currency currency;
    private final AccountId issuer;

    private STAmount(long mantissa, int exponent, boolean negative, boolean nativeAmount, Currency currency,
                     AccountId issuer) {
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.negative = negative;
        this.nativeAmount = nativeAmount;
        this.currency = currency;
        this.issuer = issuer;
    }

    public static STAmount ofDrops(long drops) {
        return new STAmount(Math.abs(drops), 0, drops < 0, true, Currency.NATIVE, AccountId.ZERO);
    }

    public static STAmount issued(long mantissa, int exponent, boolean negative, Currency c, AccountId issuer) {
        throw CodecException.invalid("not implemented yet");
    }

    public static STAmount zero(Currency c, AccountId issuer) {
        throw CodecException.invalid("not implemented yet");
    }

    public boolean isNative() {
        return nativeAmount;
    }

    public long drops() {
        return negative ? -mantissa : mantissa;
    }

    public long mantissa() {
        return mantissa;
    }

    public int exponent() {
        return exponent;
    }

    public boolean isNegative() {
        return negative;
    }

    public boolean isZero() {
        return mantissa == 0;
    }

    public int signum() {
        return mantissa == 0 ? 0 : negative ? -1 : 1;
    }

    public Currency currency() {
        return currency;
    }

    public AccountId issuer() {
        return issuer;
    }

    public static int encodedLength(int firstByte) {
        return (firstByte & 0x80) == 0 ? 8 : 48;
    }

    public static STAmount fromBytes(byte[] buf, int offset) {
        throw CodecException.invalid("not implemented yet");
    }

    public int writeTo(byte[] out, int offset) {
        throw CodecException.invalid("not implemented yet");
    }

    public byte[] toBytes() {
        byte[] out = new byte[nativeAmount ? 8 : 48];
        writeTo(out, 0);
        return out;
    }

    public static STAmount fromJson(JsonNode n, NetworkProfile p) {
        throw CodecException.invalid("not implemented yet");
    }

    public JsonNode toJson(NetworkProfile p) {
        throw CodecException.invalid("not implemented yet");
    }

    public String valueText() {
        throw CodecException.invalid("not implemented yet");
    }

    @Override
    public int compareTo(STAmount o) {
        throw CodecException.invalid("not implemented yet");
    }
}
