package org.stoxum.engine.tx;

import org.stoxum.codec.binary.TER;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;

/**
 * The outcome of the read-only stage; the only way into {@link TxEngine#doApply}.
 *
 * @param baseFee          the transaction's cost in fee units
 * @param likelyToClaimFee tesSUCCESS or a tec: applying will at least charge the fee
 */
public record PreclaimResult(ReadView view, STTx tx, int flags, EngineSetup setup, TER ter, long baseFee,
                             boolean likelyToClaimFee) {
    static PreclaimResult of(PreclaimContext ctx, TER ter, long baseFee) {
        return new PreclaimResult(ctx.view(), ctx.tx(), ctx.flags(), ctx.setup(), ter, baseFee,
                ter == TER.tesSUCCESS || ter.isTec());
    }
}
