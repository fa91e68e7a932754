package org.stoxum.codec.amount;

/**
 * What an offer or a step takes in and pays out (rippled {@code Amounts}): for offers {@code in} is
 * TakerPays and {@code out} is TakerGets.
 */
public record Amounts(STAmount in, STAmount out) {
    /** True when either side is zero or negative. */
    public boolean empty() {
        return in.signum() <= 0 || out.signum() <= 0;
    }
}
