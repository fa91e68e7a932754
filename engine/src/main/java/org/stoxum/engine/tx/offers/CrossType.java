package org.stoxum.engine.tx.offers;

import org.stoxum.codec.amount.Issue;

/** What an offer crossing exchanges, from the taker's side (rippled's {@code CrossType}). */
public enum CrossType {
    /** The taker pays the native currency for an issued one. */
    XRP_TO_IOU,
    /** The taker pays an issued currency for the native one. */
    IOU_TO_XRP,
    /** Two issued currencies: crossed directly or bridged through the native currency. */
    IOU_TO_IOU;

    /** The kind of crossing of a taker paying {@code in} for {@code out} (rippled's {@code preCompute}). */
    public static CrossType of(Issue in, Issue out) {
        if (in.isNative() && !out.isNative()) {
            return XRP_TO_IOU;
        }
        if (out.isNative() && !in.isNative()) {
            return IOU_TO_XRP;
        }
        return IOU_TO_IOU;
    }
}
