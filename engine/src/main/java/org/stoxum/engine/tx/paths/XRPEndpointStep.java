package org.stoxum.engine.tx.paths;

import java.util.Set;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.amount.XRPAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Views;

/**
 * The native currency leaving the strand's source or reaching its destination (rippled's
 * {@code XRPEndpointStep}). The source spends at most what it holds above its reserve; when crossing an
 * offer whose other side has no trust line yet, one object less of reserve is kept, since the line is
 * made after the native currency has left.
 */
final class XRPEndpointStep extends Step {
    /** Network seconds-independent rate of one: {@code getRate(1, 1)}. */
    static final Quality RATE_ONE = Quality.of(STAmount.ofDrops(1), STAmount.ofDrops(1));

    private final AccountId acc;
    private final boolean isLast;
    private final boolean offerCrossing;
    private final int reserveReduction;
    private XRPAmount cache;

    private XRPEndpointStep(StrandContext ctx, AccountId acc) {
        this.acc = acc;
        this.isLast = ctx.isLast;
        this.offerCrossing = ctx.offerCrossing;
        this.reserveReduction = ctx.offerCrossing && ctx.isFirst
                && ctx.view.read(Keylets.line(acc, ctx.strandDeliver)) == null ? -1 : 0;
    }

    /** Builds and checks the step (rippled's {@code make_XRPEndpointStep}). */
    static MadeStep make(StrandContext ctx, AccountId acc) {
        XRPEndpointStep step = new XRPEndpointStep(ctx, acc);
        return MadeStep.of(step.check(ctx), step);
    }

    @Override
    public AccountId[] directStepAccts() {
        return isLast ? new AccountId[] {AccountId.ZERO, acc} : new AccountId[] {acc, AccountId.ZERO};
    }

    @Override
    public EitherAmount cachedIn() {
        return cache == null ? null : EitherAmount.of(cache);
    }

    @Override
    public EitherAmount cachedOut() {
        return cachedIn();
    }

    @Override
    public boolean dry(EitherAmount out) {
        return out.xrp().signum() == 0;
    }

    @Override
    public boolean equalOut(EitherAmount a, EitherAmount b) {
        return a.xrp().equals(b.xrp());
    }

    @Override
    public boolean equalIn(EitherAmount a, EitherAmount b) {
        return a.xrp().equals(b.xrp());
    }

    @Override
    public boolean sameAs(Step other) {
        return other instanceof XRPEndpointStep x && x.offerCrossing == offerCrossing && x.acc.equals(acc)
                && x.isLast == isLast;
    }

    @Override
    public Quality qualityUpperBound(ReadView v, boolean[] redeems) {
        redeems[0] = redeems(v, true);
        return RATE_ONE;
    }

    @Override
    public InOut rev(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount out) {
        return move(sb, out.xrp());
    }

    @Override
    public InOut fwd(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount in) {
        return move(sb, in.xrp());
    }

    /** Moves {@code wanted} (the source: at most its liquid balance) to or from the engine's native pool. */
    private InOut move(PaymentSandbox sb, XRPAmount wanted) {
        XRPAmount balance = new XRPAmount(Views.xrpLiquid(sb, acc, reserveReduction));
        XRPAmount result = isLast ? wanted : (balance.compareTo(wanted) < 0 ? balance : wanted);
        AccountId sender = isLast ? AccountId.ZERO : acc;
        AccountId receiver = isLast ? acc : AccountId.ZERO;
        TER ter = Views.accountSend(sb, sender, receiver, result.toSTAmount());
        if (ter != TER.tesSUCCESS) {
            return new InOut(EitherAmount.of(XRPAmount.ZERO), EitherAmount.of(XRPAmount.ZERO));
        }
        cache = result;
        return new InOut(EitherAmount.of(result), EitherAmount.of(result));
    }

    private TER check(StrandContext ctx) {
        if (acc.equals(AccountId.ZERO)) {
            return TER.temBAD_PATH;
        }
        if (ctx.view.read(Keylets.account(acc)) == null) {
            return TER.terNO_ACCOUNT;
        }
        if (!ctx.isFirst && !ctx.isLast) {
            return TER.temBAD_PATH;
        }
        AccountId src = isLast ? AccountId.ZERO : acc;
        AccountId dst = isLast ? acc : AccountId.ZERO;
        return StepChecks.checkFreeze(ctx.view, src, dst, Currency.NATIVE);
    }

    @Override
    public String toString() {
        return (offerCrossing ? "XRPEndpointOfferCrossingStep " : "XRPEndpointPaymentStep ") + acc;
    }
}
