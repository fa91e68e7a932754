package org.stoxum.engine.tx.paths;

import java.util.Set;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.IOUAmount;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.TrustLines;
import org.stoxum.engine.ledger.Views;

/**
 * Rippling an issued currency from one account to another over their trust line (rippled's
 * {@code DirectStepI}). The source either redeems (pays back IOUs the destination issued to it) or
 * issues its own IOUs up to the destination's limit. Payments honour the line qualities and charge the
 * issuer's transfer rate when a redeeming step is followed by an issuing one; offer crossing ignores the
 * qualities, needs no existing line, and may exceed the limit on its last step.
 */
final class DirectStepI extends Step {
    private static final long QUALITY_ONE = Rate.QUALITY_ONE;

    private final AccountId src;
    private final AccountId dst;
    private final Currency currency;
    private final Step prevStep;
    private final boolean isLast;
    private final boolean offerCrossing;
    private Cache cache;

    /** The last run: input, what moved from source to destination, output, and whether the source redeemed. */
    private static final class Cache {
        IOUAmount in;
        IOUAmount srcToDst;
        IOUAmount out;
        boolean srcRedeems;

        Cache(IOUAmount in, IOUAmount srcToDst, IOUAmount out, boolean srcRedeems) {
            this.in = in;
            this.srcToDst = srcToDst;
            this.out = out;
            this.srcRedeems = srcRedeems;
        }
    }

    private record MaxFlow(IOUAmount amount, boolean srcRedeems) {
    }

    private DirectStepI(StrandContext ctx, AccountId src, AccountId dst, Currency currency) {
        this.src = src;
        this.dst = dst;
        this.currency = currency;
        this.prevStep = ctx.prevStep;
        this.isLast = ctx.isLast;
        this.offerCrossing = ctx.offerCrossing;
    }

    /** Builds and checks the step (rippled's {@code make_DirectStepI}). */
    static MadeStep make(StrandContext ctx, AccountId src, AccountId dst, Currency currency) {
        DirectStepI step = new DirectStepI(ctx, src, dst, currency);
        return MadeStep.of(step.check(ctx), step);
    }

    @Override
    public EitherAmount cachedIn() {
        return cache == null ? null : EitherAmount.of(cache.in);
    }

    @Override
    public EitherAmount cachedOut() {
        return cache == null ? null : EitherAmount.of(cache.out);
    }

    @Override
    public AccountId directStepSrcAcct() {
        return src;
    }

    @Override
    public AccountId[] directStepAccts() {
        return new AccountId[] {src, dst};
    }

    @Override
    public boolean dry(EitherAmount out) {
        return out.iou().isZero();
    }

    @Override
    public boolean equalOut(EitherAmount a, EitherAmount b) {
        return a.iou().equals(b.iou());
    }

    @Override
    public boolean equalIn(EitherAmount a, EitherAmount b) {
        return a.iou().equals(b.iou());
    }

    @Override
    public boolean sameAs(Step other) {
        return other instanceof DirectStepI d && d.offerCrossing == offerCrossing && d.src.equals(src)
                && d.dst.equals(dst) && d.currency.equals(currency);
    }

    /** The destination's QualityIn ({@code qin}) or the source's QualityOut on their line; one when unset. */
    private long quality(ReadView sb, boolean qin) {
        if (offerCrossing || src.equals(dst)) {
            return QUALITY_ONE;
        }
        STObject line = sb.read(Keylets.line(dst, src, currency));
        if (line == null) {
            return QUALITY_ONE;
        }
        SField field;
        if (qin) {
            field = dst.compareTo(src) < 0 ? SField.LOW_QUALITY_IN : SField.HIGH_QUALITY_IN;
        } else {
            field = src.compareTo(dst) < 0 ? SField.LOW_QUALITY_OUT : SField.HIGH_QUALITY_OUT;
        }
        if (!line.isPresent(field)) {
            return QUALITY_ONE;
        }
        long q = line.getU32(field);
        return q == 0 ? QUALITY_ONE : q;
    }

    /** The most that can move from source to destination at the best quality, and whether it redeems. */
    private MaxFlow maxPaymentFlow(ReadView sb) {
        IOUAmount srcOwed = IOUAmount.of(Views.accountHolds(sb, src, currency, dst, false));
        if (srcOwed.signum() > 0) {
            return new MaxFlow(srcOwed, true);
        }
        IOUAmount limit = IOUAmount.of(TrustLines.creditLimit(sb, dst, src, currency));
        return new MaxFlow(limit.add(srcOwed), false);
    }

    private MaxFlow maxFlow(ReadView sb, IOUAmount desired) {
        if (offerCrossing && isLast) {
            // crossing an offer may fill it beyond the trust line's limit
            return new MaxFlow(desired, false);
        }
        return maxPaymentFlow(sb);
    }

    @Override
    public boolean redeems(ReadView sb, boolean fwd) {
        if (fwd && cache != null) {
            return cache.srcRedeems;
        }
        return Views.accountHolds(sb, src, currency, dst, false).signum() > 0;
    }

    @Override
    public long lineQualityIn(ReadView v) {
        return quality(v, true);
    }

    /** The source's quality out and the destination's quality in, as this step applies them. */
    private long[] qualities(ReadView sb, boolean srcRedeems, boolean fwd) {
        if (srcRedeems) {
            if (prevStep == null) {
                return new long[] {QUALITY_ONE, QUALITY_ONE};
            }
            long prevStepQIn = prevStep.lineQualityIn(sb);
            long srcQOut = quality(sb, false);
            if (prevStepQIn > srcQOut) {
                srcQOut = prevStepQIn;
            }
            return new long[] {srcQOut, QUALITY_ONE};
        }
        // issuing after a redeeming step pays the transfer fee
        boolean prevStepRedeems = prevStep != null && prevStep.redeems(sb, fwd);
        long srcQOut = prevStepRedeems ? Integer.toUnsignedLong(Views.transferRate(sb, src).value()) : QUALITY_ONE;
        long dstQIn = quality(sb, true);
        if (isLast && dstQIn > QUALITY_ONE) {
            dstQIn = QUALITY_ONE;
        }
        return new long[] {srcQOut, dstQIn};
    }

    @Override
    public Quality qualityUpperBound(ReadView v, boolean[] redeems) {
        boolean prevRedeems = redeems[0];
        redeems[0] = redeems(v, true);
        long srcQOut = prevRedeems && !redeems[0] ? Integer.toUnsignedLong(Views.transferRate(v, src).value())
                : QUALITY_ONE;
        long dstQIn = quality(v, true);
        if (isLast && dstQIn > QUALITY_ONE) {
            dstQIn = QUALITY_ONE;
        }
        Issue iss = new Issue(currency, src);
        return new Quality(AmountMath.getRate(STAmount.of(iss, srcQOut, 0, false), STAmount.of(iss, dstQIn, 0, false)));
    }

    @Override
    public InOut rev(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount outAmount) {
        IOUAmount out = outAmount.iou();
        cache = null;
        MaxFlow max = maxFlow(sb, out);
        long[] q = qualities(sb, max.srcRedeems(), false);
        long srcQOut = q[0];
        long dstQIn = q[1];
        Issue srcToDstIss = new Issue(currency, max.srcRedeems() ? dst : src);
        if (max.amount().signum() <= 0) {
            cache = new Cache(IOUAmount.ZERO, IOUAmount.ZERO, IOUAmount.ZERO, max.srcRedeems());
            return zero();
        }
        IOUAmount srcToDst = IOUAmount.mulRatio(out, (int) QUALITY_ONE, (int) dstQIn, true);
        if (srcToDst.compareTo(max.amount()) <= 0) {
            IOUAmount in = IOUAmount.mulRatio(srcToDst, (int) srcQOut, (int) QUALITY_ONE, true);
            cache = new Cache(in, srcToDst, out, max.srcRedeems());
            TrustLines.rippleCredit(sb, src, dst, srcToDst.toSTAmount(srcToDstIss));
            return new InOut(EitherAmount.of(in), EitherAmount.of(out));
        }
        // limiting
        IOUAmount in = IOUAmount.mulRatio(max.amount(), (int) srcQOut, (int) QUALITY_ONE, true);
        IOUAmount actualOut = IOUAmount.mulRatio(max.amount(), (int) dstQIn, (int) QUALITY_ONE, false);
        cache = new Cache(in, max.amount(), actualOut, max.srcRedeems());
        TrustLines.rippleCredit(sb, src, dst, max.amount().toSTAmount(srcToDstIss));
        return new InOut(EitherAmount.of(in), EitherAmount.of(actualOut));
    }

    @Override
    public InOut fwd(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount inAmount) {
        IOUAmount in = inAmount.iou();
        MaxFlow max = maxFlow(sb, cache.srcToDst);
        long[] q = qualities(sb, max.srcRedeems(), true);
        long srcQOut = q[0];
        long dstQIn = q[1];
        Issue srcToDstIss = new Issue(currency, max.srcRedeems() ? dst : src);
        if (max.amount().signum() <= 0) {
            cache = new Cache(IOUAmount.ZERO, IOUAmount.ZERO, IOUAmount.ZERO, max.srcRedeems());
            return zero();
        }
        IOUAmount srcToDst = IOUAmount.mulRatio(in, (int) QUALITY_ONE, (int) srcQOut, false);
        if (srcToDst.compareTo(max.amount()) <= 0) {
            IOUAmount out = IOUAmount.mulRatio(srcToDst, (int) dstQIn, (int) QUALITY_ONE, false);
            setCacheLimiting(in, srcToDst, out, max.srcRedeems());
        } else {
            IOUAmount actualIn = IOUAmount.mulRatio(max.amount(), (int) srcQOut, (int) QUALITY_ONE, true);
            IOUAmount out = IOUAmount.mulRatio(max.amount(), (int) dstQIn, (int) QUALITY_ONE, false);
            setCacheLimiting(actualIn, max.amount(), out, max.srcRedeems());
        }
        TrustLines.rippleCredit(sb, src, dst, cache.srcToDst.toSTAmount(srcToDstIss));
        return new InOut(EitherAmount.of(cache.in), EitherAmount.of(cache.out));
    }

    /**
     * Keeps the forward pass from delivering more than the reverse pass found (rounding may differ),
     * unless the forward input is far off, which is then taken as it is.
     */
    private void setCacheLimiting(IOUAmount fwdIn, IOUAmount fwdSrcToDst, IOUAmount fwdOut, boolean srcRedeems) {
        if (cache.in.compareTo(fwdIn) < 0) {
            IOUAmount smallDiff = IOUAmount.of(1, -9);
            IOUAmount diff = fwdIn.subtract(cache.in);
            if (diff.compareTo(smallDiff) > 0) {
                if (fwdIn.exponent() != cache.in.exponent() || cache.in.mantissa() == 0
                        || (double) fwdIn.mantissa() / (double) cache.in.mantissa() > 1.01) {
                    cache = new Cache(fwdIn, fwdSrcToDst, fwdOut, srcRedeems);
                    return;
                }
            }
        }
        cache.in = fwdIn;
        if (fwdSrcToDst.compareTo(cache.srcToDst) < 0) {
            cache.srcToDst = fwdSrcToDst;
        }
        if (fwdOut.compareTo(cache.out) < 0) {
            cache.out = fwdOut;
        }
        cache.srcRedeems = srcRedeems;
    }

    private static InOut zero() {
        return new InOut(EitherAmount.of(IOUAmount.ZERO), EitherAmount.of(IOUAmount.ZERO));
    }

    /** The checks made when the strand is built: accounts, freezes, NoRipple, loops, then line rules. */
    private TER check(StrandContext ctx) {
        if (src.equals(AccountId.ZERO) || dst.equals(AccountId.ZERO)) {
            return TER.temBAD_PATH;
        }
        if (src.equals(dst)) {
            return TER.temBAD_PATH;
        }
        STObject sleSrc = ctx.view.read(Keylets.account(src));
        if (sleSrc == null) {
            return TER.terNO_ACCOUNT;
        }
        if (!(ctx.isLast && ctx.isFirst)) {
            // a plain issue or redeem cannot be frozen
            TER ter = StepChecks.checkFreeze(ctx.view, src, dst, currency);
            if (ter != TER.tesSUCCESS) {
                return ter;
            }
        }
        if (ctx.prevStep != null) {
            AccountId prevSrc = ctx.prevStep.directStepSrcAcct();
            if (prevSrc != null) {
                TER ter = StepChecks.checkNoRipple(ctx.view, prevSrc, src, dst, currency);
                if (ter != TER.tesSUCCESS) {
                    return ter;
                }
            }
        }
        Issue srcIssue = new Issue(currency, src);
        Issue dstIssue = new Issue(currency, dst);
        if (ctx.seenBookOuts.contains(srcIssue)) {
            if (ctx.prevStep == null) {
                return TER.temBAD_PATH_LOOP;
            }
            Book book = ctx.prevStep.bookStepBook();
            if (book != null && !book.out().equals(srcIssue)) {
                return TER.temBAD_PATH_LOOP;
            }
        }
        if (!ctx.seenDirectIssues.get(0).add(srcIssue) || !ctx.seenDirectIssues.get(1).add(dstIssue)) {
            return TER.temBAD_PATH_LOOP;
        }
        return offerCrossing ? TER.tesSUCCESS : checkPayment(ctx, sleSrc);
    }

    /** A payment needs the line, authorization when the source requires it, and room under the limit. */
    private TER checkPayment(StrandContext ctx, STObject sleSrc) {
        STObject line = ctx.view.read(Keylets.line(src, dst, currency));
        if (line == null) {
            return TER.terNO_LINE;
        }
        long authField = src.compareTo(dst) > 0 ? LedgerFlags.HIGH_AUTH : LedgerFlags.LOW_AUTH;
        if ((sleSrc.getFlags() & LedgerFlags.REQUIRE_AUTH) != 0 && (line.getFlags() & authField) == 0
                && line.getAmount(SField.BALANCE).isZero()) {
            return TER.terNO_AUTH;
        }
        if (ctx.prevStep != null && Views.after(Views.FIX1449_TIME, ctx.view.parentCloseTime())
                && ctx.prevStep.bookStepBook() != null) {
            long noRipple = src.compareTo(dst) > 0 ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE;
            if ((line.getFlags() & noRipple) != 0) {
                return TER.terNO_RIPPLE;
            }
        }
        STAmount owed = TrustLines.creditBalance(ctx.view, dst, src, currency);
        if (owed.signum() <= 0) {
            STAmount limit = TrustLines.creditLimit(ctx.view, dst, src, currency);
            if (owed.negate().compareTo(limit) >= 0) {
                return TER.tecPATH_DRY;
            }
        }
        return TER.tesSUCCESS;
    }

    @Override
    public String toString() {
        return (offerCrossing ? "DirectIOfferCrossingStep" : "DirectIPaymentStep") + " " + src + " -> " + dst;
    }
}
