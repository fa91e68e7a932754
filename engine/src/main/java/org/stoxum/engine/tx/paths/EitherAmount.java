package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.IOUAmount;
import org.stoxum.codec.amount.XRPAmount;

/**
 * An amount passed between the steps of a strand: native drops or an issued value (rippled's
 * {@code EitherAmount}). Each step knows which kind it takes in and gives out.
 */
public final class EitherAmount {
    private final XRPAmount xrp;
    private final IOUAmount iou;

    private EitherAmount(XRPAmount xrp, IOUAmount iou) {
        this.xrp = xrp;
        this.iou = iou;
    }

    public static EitherAmount of(XRPAmount xrp) {
        return new EitherAmount(xrp, null);
    }

    public static EitherAmount of(IOUAmount iou) {
        return new EitherAmount(null, iou);
    }

    public boolean isNative() {
        return xrp != null;
    }

    /** The drops; fails for an issued value. */
    public XRPAmount xrp() {
        if (xrp == null) {
            throw new IllegalStateException("not a native amount");
        }
        return xrp;
    }

    /** The issued value; fails for drops. */
    public IOUAmount iou() {
        if (iou == null) {
            throw new IllegalStateException("not an issued amount");
        }
        return iou;
    }

    @Override
    public String toString() {
        return isNative() ? xrp + " drops" : iou.toString();
    }
}
