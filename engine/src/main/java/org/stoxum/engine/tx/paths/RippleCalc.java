package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.PaymentSandbox;

/**
 * The payment engine as the Payment transactor calls it (rippled's {@code RippleCalc::rippleCalculate}
 * with the Flow amendment on): the flow runs in a sandbox over {@code view}, which is applied whatever
 * the result (failed flows leave it unchanged). The pre-Flow engine is not part of this server.
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
            return Flow.Output.of(TER.temUNKNOWN);
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
