package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.tx.paths.v1.RippleCalcV1;

/**
 * The payment engine as the Payment transactor calls it (rippled's {@code RippleCalc::rippleCalculate}):
 * Flow when the ledger has the Flow amendment, else the pre-Flow engine ({@link RippleCalcV1}). Either
 * runs in a sandbox over {@code view}, which is applied whatever the result (failed payments leave it
 * unchanged). rippled's CompareFlowV1V2 amendment only logs both engines' results, so it changes nothing
 * here.
 */
public final class RippleCalc {
    private RippleCalc() {
    }

    /** The payment's options from its flags. */
    public record Input(boolean partialPaymentAllowed, boolean defaultPathsAllowed, boolean limitQuality) {
    }

    /**
     * @param maxAmount the most the source sends (SendMax, or Amount as the source's own issue)
     * @param dstAmount what the destination is to receive
     */
    public static Flow.Output rippleCalculate(PaymentSandbox view, STAmount maxAmount, STAmount dstAmount,
                                              AccountId dst, AccountId src, STPathSet paths, Input input) {
        if (!view.rules().enabled(Amendments.FLOW)) {
            PaymentSandbox v1Sb = new PaymentSandbox(view);
            Flow.Output out = RippleCalcV1.rippleCalculate(v1Sb, maxAmount, dstAmount, dst, src, paths,
                    new RippleCalcV1.Input(input.partialPaymentAllowed(), input.defaultPathsAllowed(),
                            input.limitQuality(), view.open()));
            v1Sb.apply(view);
            return out;
        }
        PaymentSandbox flowSb = new PaymentSandbox(view);
        Quality limitQuality = null;
        if (input.limitQuality() && maxAmount.signum() > 0) {
            limitQuality = Quality.of(new Amounts(maxAmount, dstAmount));
        }
        STAmount sendMax = null;
        if (maxAmount.signum() >= 0 || !maxAmount.currency().equals(dstAmount.currency())
                || !maxAmount.issuer().equals(src)) {
            sendMax = maxAmount;
        }
        Flow.Output out;
        try {
            boolean ownerPaysTransferFee = view.rules().enabled(Amendments.OWNER_PAYS_FEE);
            out = Flow.flow(flowSb, new Flow.Request(dstAmount, src, dst, paths, input.defaultPathsAllowed(),
                    input.partialPaymentAllowed(), ownerPaysTransferFee, false, limitQuality, sendMax));
        } catch (RuntimeException e) {
            // rippled stores the transaction with a claimed fee rather than fail the ledger
            return Flow.Output.of(TER.tecINTERNAL);
        }
        flowSb.apply(view);
        return out;
    }
}
