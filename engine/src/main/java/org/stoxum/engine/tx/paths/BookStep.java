package org.stoxum.engine.tx.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.ApplyView;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Sandbox;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.offers.BookTip;
import org.stoxum.engine.tx.offers.FlowOfferStream;
import org.stoxum.engine.tx.offers.TOffer;

/**
 * Crossing the offers of one order book at its best quality (rippled's {@code BookStep}). The taker pays
 * the offer's input plus the input issuer's transfer fee when the previous step redeems; the offer owner
 * gives the output (rippled lets the owner pay the output issuer's fee when OwnerPaysFee is on, which
 * stoxumd never enables, and offer crossing always). Offers are limited by what their owners hold; the
 * ones found unfunded, expired or not authorized are reported for removal.
 *
 * @param <I> what the book takes in (XRPAmount or IOUAmount)
 * @param <O> what it gives out
 */
final class BookStep<I, O> extends Step {
    /** Offers one step may look at before it is taken as dry. */
    static final int MAX_OFFERS_TO_CONSUME = 2000;
    private static final long QUALITY_ONE = Rate.QUALITY_ONE;

    private final Book book;
    private final AccountId strandSrc;
    private final AccountId strandDst;
    private final Step prevStep;
    private final boolean ownerPaysTransferFee;
    private final boolean offerCrossing;
    private final boolean defaultPath;
    /** Offer crossing: offers of a lower quality than this are not crossed. */
    private final Quality qualityThreshold;
    private final AmountOps<I> inOps;
    private final AmountOps<O> outOps;
    private final CalcSwitchover switchover;
    private TAmounts<I, O> cache;

    private BookStep(StrandContext ctx, Issue in, Issue out, AmountOps<I> inOps, AmountOps<O> outOps) {
        this.book = new Book(in, out);
        this.strandSrc = ctx.strandSrc;
        this.strandDst = ctx.strandDst;
        this.prevStep = ctx.prevStep;
        this.ownerPaysTransferFee = ctx.ownerPaysTransferFee;
        this.offerCrossing = ctx.offerCrossing;
        this.defaultPath = ctx.isDefaultPath;
        this.inOps = inOps;
        this.outOps = outOps;
        this.switchover = ctx.switchover;
        if (offerCrossing && ctx.limitQuality == null) {
            throw new FlowException(TER.tefINTERNAL, "Offer requires quality.");
        }
        this.qualityThreshold = ctx.limitQuality;
    }

    /** Builds and checks a book step for {@code in} to {@code out} with the amount kinds they need. */
    static MadeStep make(StrandContext ctx, Issue in, Issue out) {
        BookStep<?, ?> step;
        if (in.isNative()) {
            step = new BookStep<>(ctx, in, out, AmountOps.XRP, AmountOps.IOU);
        } else if (out.isNative()) {
            step = new BookStep<>(ctx, in, out, AmountOps.IOU, AmountOps.XRP);
        } else {
            step = new BookStep<>(ctx, in, out, AmountOps.IOU, AmountOps.IOU);
        }
        return MadeStep.of(step.check(ctx), step);
    }

    @Override
    public Book bookStepBook() {
        return book;
    }

    @Override
    public EitherAmount cachedIn() {
        return cache == null ? null : inOps.wrap(cache.in());
    }

    @Override
    public EitherAmount cachedOut() {
        return cache == null ? null : outOps.wrap(cache.out());
    }

    @Override
    public boolean redeems(ReadView sb, boolean fwd) {
        return !ownerPaysTransferFee;
    }

    @Override
    public boolean dry(EitherAmount out) {
        return outOps.signum(outOps.unwrap(out)) == 0;
    }

    @Override
    public boolean equalOut(EitherAmount a, EitherAmount b) {
        return outOps.compare(outOps.unwrap(a), outOps.unwrap(b)) == 0;
    }

    @Override
    public boolean equalIn(EitherAmount a, EitherAmount b) {
        return inOps.compare(inOps.unwrap(a), inOps.unwrap(b)) == 0;
    }

    @Override
    public boolean sameAs(Step other) {
        return other instanceof BookStep<?, ?> b && b.offerCrossing == offerCrossing && b.book.equals(book);
    }

    @Override
    public Quality qualityUpperBound(ReadView v, boolean[] redeems) {
        boolean prevStepRedeems = redeems[0];
        redeems[0] = redeems(v, true);
        BookTip bt = new BookTip(new Sandbox(v, ApplyFlags.NONE), book);
        if (!bt.step()) {
            return null;
        }
        if (offerCrossing) {
            // no fee is charged when the offer owner is the destination: stay an upper bound
            return bt.quality();
        }
        Rate trIn = prevStepRedeems ? rate(v, book.in().account()) : Rate.PARITY;
        Rate trOut = ownerPaysTransferFee ? rate(v, book.out().account()) : Rate.PARITY;
        Quality q1 = new Quality(AmountMath.getRate(STAmount.ofDrops(Integer.toUnsignedLong(trOut.value())),
                STAmount.ofDrops(Integer.toUnsignedLong(trIn.value()))));
        return Quality.composed(q1, bt.quality(), switchover);
    }

    /** The transfer rate charged for {@code id}'s issue: none for the native currency or the strand's destination. */
    private Rate rate(ReadView v, AccountId id) {
        if (id.equals(AccountId.ZERO) || id.equals(strandDst)) {
            return Rate.PARITY;
        }
        return Views.transferRate(v, id);
    }

    /** An offer's amounts as the step sees them: the offer's, the taker's (with fees) and what the owner gives. */
    private final class Offered {
        TAmounts<I, O> ofrAmt;
        TAmounts<I, O> stpAmt;
        O ownerGives;
        final long rateIn;
        final long rateOut;

        Offered(TAmounts<I, O> ofrAmt, TAmounts<I, O> stpAmt, O ownerGives, long rateIn, long rateOut) {
            this.ofrAmt = ofrAmt;
            this.stpAmt = stpAmt;
            this.ownerGives = ownerGives;
            this.rateIn = rateIn;
            this.rateOut = rateOut;
        }

        Offered copy() {
            return new Offered(ofrAmt, stpAmt, ownerGives, rateIn, rateOut);
        }

        /** Limits the taker's input to {@code limit} (rippled's {@code limitStepIn}). */
        void limitStepIn(Quality ofrQ, I limit) {
            if (inOps.compare(limit, stpAmt.in()) < 0) {
                I inLmt = inOps.mulRatio(limit, QUALITY_ONE, rateIn, false);
                ofrAmt = ofrAmt.ceilIn(ofrQ, inLmt, inOps, outOps, switchover);
                stpAmt = new TAmounts<>(limit, ofrAmt.out());
                ownerGives = outOps.mulRatio(ofrAmt.out(), rateOut, QUALITY_ONE, false);
            }
        }

        /** Limits the taker's output to {@code limit} (rippled's {@code limitStepOut}). */
        void limitStepOut(Quality ofrQ, O limit) {
            if (outOps.compare(limit, stpAmt.out()) < 0) {
                ownerGives = outOps.mulRatio(limit, rateOut, QUALITY_ONE, false);
                ofrAmt = ofrAmt.ceilOut(ofrQ, limit, inOps, outOps, switchover);
                stpAmt = new TAmounts<>(inOps.mulRatio(ofrAmt.in(), rateIn, QUALITY_ONE, true), limit);
            }
        }
    }

    /** Told of each funded offer at the best quality; answers whether to go on. */
    private interface OfferCallback<I, O> {
        boolean offer(TOffer<I, O> offer, BookStep<I, O>.Offered amounts);
    }

    /** The offers to remove and how many offers were looked at. */
    private record Walk(Set<Hash256> toRemove, int consumed) {
    }

    /** Presents the funded offers of the best quality to {@code callback} (rippled's {@code forEachOffer}). */
    private Walk forEachOffer(PaymentSandbox sb, ApplyView afView, boolean prevStepRedeems,
                              OfferCallback<I, O> callback) {
        long trIn = prevStepRedeems ? Integer.toUnsignedLong(rate(sb, book.in().account()).value()) : QUALITY_ONE;
        long trOut = ownerPaysTransferFee ? Integer.toUnsignedLong(rate(sb, book.out().account()).value())
                : QUALITY_ONE;
        FlowOfferStream.StepCounter counter = new FlowOfferStream.StepCounter(MAX_OFFERS_TO_CONSUME);
        FlowOfferStream<I, O> offers = new FlowOfferStream<>(sb, afView, book, sb.parentCloseTime(), counter,
                inOps, outOps);
        boolean flowCross = afView.rules().enabled(Amendments.FLOW_CROSS);
        boolean offerAttempted = false;
        Quality ofrQ = null;
        while (offers.step()) {
            TOffer<I, O> offer = offers.tip();
            if (ofrQ == null) {
                ofrQ = offer.quality();
            } else if (!ofrQ.equals(offer.quality())) {
                break;
            }
            if (offerCrossing && defaultPath && offer.quality().compareTo(qualityThreshold) >= 0
                    && strandSrc.equals(offer.owner()) && strandDst.equals(offer.owner())) {
                // crossing one's own offer: remove it (the next step of the stream deletes it)
                offers.permRmOffer(offer.key());
                if (!offerAttempted) {
                    ofrQ = null;
                }
                continue;
            }
            if (flowCross && !offer.issueIn().isNative() && !offer.owner().equals(offer.issueIn().account())
                    && !ownerAuthorized(afView, offer)) {
                offers.permRmOffer(offer.key());
                if (!offerAttempted) {
                    ofrQ = null;
                }
                continue;
            }
            if (offerCrossing && defaultPath && offer.quality().compareTo(qualityThreshold) < 0) {
                break;
            }
            long ofrInRate = trIn;
            long ofrOutRate = trOut;
            if (offerCrossing) {
                // crossing does not charge a fee for paying oneself
                AccountId srcAcct = prevStep != null ? prevStep.directStepSrcAcct() : null;
                if (srcAcct != null && offer.owner().equals(srcAcct)) {
                    ofrInRate = QUALITY_ONE;
                }
                if (prevStep != null && prevStep.bookStepBook() != null && offer.owner().equals(strandDst)) {
                    ofrOutRate = QUALITY_ONE;
                }
            }
            TAmounts<I, O> ofrAmt = offer.amount();
            TAmounts<I, O> stpAmt = new TAmounts<>(inOps.mulRatio(ofrAmt.in(), ofrInRate, QUALITY_ONE, true),
                    ofrAmt.out());
            O ownerGives = outOps.mulRatio(ofrAmt.out(), ofrOutRate, QUALITY_ONE, false);
            O funds = offer.owner().equals(offer.issueOut().account()) ? ownerGives : offers.ownerFunds();
            if (outOps.compare(funds, ownerGives) < 0) {
                ownerGives = funds;
                O stpOut = outOps.mulRatio(ownerGives, QUALITY_ONE, ofrOutRate, false);
                ofrAmt = ofrAmt.ceilOut(ofrQ, stpOut, inOps, outOps, switchover);
                stpAmt = new TAmounts<>(inOps.mulRatio(ofrAmt.in(), ofrInRate, QUALITY_ONE, true), stpOut);
            }
            offerAttempted = true;
            if (!callback.offer(offer, new Offered(ofrAmt, stpAmt, ownerGives, ofrInRate, ofrOutRate))) {
                break;
            }
        }
        return new Walk(offers.permToRemove(), counter.count());
    }

    /** True when the offer's owner may hold the input issue (its issuer does not require authorization, or gave it). */
    private static boolean ownerAuthorized(ReadView afView, TOffer<?, ?> offer) {
        AccountId issuerId = offer.issueIn().account();
        STObject issuer = afView.read(Keylets.account(issuerId));
        if (issuer == null || (issuer.getFlags() & LedgerFlags.REQUIRE_AUTH) == 0) {
            return true;
        }
        AccountId ownerId = offer.owner();
        long authFlag = issuerId.compareTo(ownerId) > 0 ? LedgerFlags.HIGH_AUTH : LedgerFlags.LOW_AUTH;
        STObject line = afView.read(Keylets.line(ownerId, issuerId, offer.issueIn().currency()));
        return line != null && (line.getU32(SField.FLAGS) & authFlag) != 0;
    }

    /**
     * Pays the offer owner its input (the taker's fee goes to the input issuer) and takes what the owner
     * gives (its fee goes to the output issuer), then shrinks the offer.
     */
    private void consumeOffer(PaymentSandbox sb, TOffer<I, O> offer, Offered amounts) {
        TER dr = Views.accountSend(sb, book.in().account(), offer.owner(),
                inOps.toSTAmount(amounts.ofrAmt.in(), book.in()));
        if (dr != TER.tesSUCCESS) {
            throw new FlowException(dr);
        }
        TER cr = Views.accountSend(sb, offer.owner(), book.out().account(),
                outOps.toSTAmount(amounts.ownerGives, book.out()));
        if (cr != TER.tesSUCCESS) {
            throw new FlowException(cr);
        }
        offer.consume(sb, amounts.ofrAmt);
    }

    private boolean fix1298(ReadView sb) {
        return Views.after(Views.FIX1298_TIME, sb.parentCloseTime());
    }

    @Override
    public InOut rev(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount outAmount) {
        O out = outOps.unwrap(outAmount);
        cache = null;
        List<I> savedIns = new ArrayList<>();
        List<O> savedOuts = new ArrayList<>();
        Object[] result = {inOps.zero(), outOps.zero()};
        @SuppressWarnings("unchecked")
        O[] remainingOut = (O[]) new Object[] {out};
        OfferCallback<I, O> eachOffer = (offer, amounts) -> {
            if (outOps.signum(remainingOut[0]) <= 0) {
                return false;
            }
            if (outOps.compare(amounts.stpAmt.out(), remainingOut[0]) <= 0) {
                savedIns.add(amounts.stpAmt.in());
                savedOuts.add(amounts.stpAmt.out());
                result[0] = inOps.sum(savedIns);
                result[1] = outOps.sum(savedOuts);
                remainingOut[0] = outOps.subtract(out, outOps.sum(savedOuts));
                consumeOffer(sb, offer, amounts);
                // even when the payment is satisfied the offer must be consumed
                return true;
            }
            Offered adj = amounts.copy();
            adj.limitStepOut(offer.quality(), remainingOut[0]);
            remainingOut[0] = outOps.zero();
            savedIns.add(adj.stpAmt.in());
            savedOuts.add(remainingOut[0]);
            result[0] = inOps.sum(savedIns);
            result[1] = out;
            consumeOffer(sb, offer, adj);
            // two issued amounts less than ten apart in the last digit subtract to zero: go on while the
            // offer still has something
            return fix1298(sb) && offer.fullyConsumed();
        };
        boolean prevStepRedeems = prevStep != null && prevStep.redeems(sb, false);
        Walk walk = forEachOffer(sb, afView, prevStepRedeems, eachOffer);
        ofrsToRm.addAll(walk.toRemove());
        if (walk.consumed() >= MAX_OFFERS_TO_CONSUME) {
            // too many offers: take the strand as dry
            return setDry();
        }
        @SuppressWarnings("unchecked")
        I resultIn = (I) result[0];
        @SuppressWarnings("unchecked")
        O resultOut = (O) result[1];
        int sign = outOps.signum(remainingOut[0]);
        if (sign < 0) {
            return setDry();
        }
        if (sign == 0) {
            // normalisation can make the remainder zero without the sum being exactly the request
            resultOut = out;
        }
        cache = new TAmounts<>(resultIn, resultOut);
        return new InOut(inOps.wrap(resultIn), outOps.wrap(resultOut));
    }

    @Override
    public InOut fwd(PaymentSandbox sb, ApplyView afView, Set<Hash256> ofrsToRm, EitherAmount inAmount) {
        I in = inOps.unwrap(inAmount);
        List<I> savedIns = new ArrayList<>();
        List<O> savedOuts = new ArrayList<>();
        Object[] result = {inOps.zero(), outOps.zero()};
        @SuppressWarnings("unchecked")
        I[] remainingIn = (I[]) new Object[] {in};
        OfferCallback<I, O> eachOffer = (offer, amounts) -> {
            if (inOps.signum(remainingIn[0]) <= 0) {
                return false;
            }
            boolean processMore;
            Offered adj = amounts.copy();
            O lastOut;
            if (inOps.compare(amounts.stpAmt.in(), remainingIn[0]) <= 0) {
                savedIns.add(amounts.stpAmt.in());
                lastOut = amounts.stpAmt.out();
                savedOuts.add(lastOut);
                result[0] = inOps.sum(savedIns);
                result[1] = outOps.sum(savedOuts);
                // consume the offer even if its input is exactly what remains
                processMore = true;
            } else {
                adj.limitStepIn(offer.quality(), remainingIn[0]);
                savedIns.add(remainingIn[0]);
                lastOut = adj.stpAmt.out();
                savedOuts.add(lastOut);
                result[1] = outOps.sum(savedOuts);
                result[0] = in;
                processMore = false;
            }
            @SuppressWarnings("unchecked")
            O resultOut = (O) result[1];
            @SuppressWarnings("unchecked")
            I resultIn = (I) result[0];
            if (outOps.compare(resultOut, cache.out()) > 0 && inOps.compare(resultIn, cache.in()) <= 0) {
                // The forward pass gives more than the reverse pass for no more input: if the input that
                // the cached output needs is what is being spent, spend it for exactly the cached output.
                savedOuts.remove(lastOut);
                O remainingOut = outOps.subtract(cache.out(), outOps.sum(savedOuts));
                Offered rev = amounts.copy();
                rev.limitStepOut(offer.quality(), remainingOut);
                if (inOps.compare(rev.stpAmt.in(), remainingIn[0]) == 0) {
                    result[0] = in;
                    result[1] = cache.out();
                    savedIns.clear();
                    savedIns.add(in);
                    savedOuts.clear();
                    savedOuts.add(cache.out());
                    adj.ofrAmt = rev.ofrAmt;
                    adj.stpAmt = new TAmounts<>(remainingIn[0], remainingOut);
                    adj.ownerGives = rev.ownerGives;
                } else {
                    // likely a problem case; later checks catch it
                    savedOuts.add(lastOut);
                }
            }
            @SuppressWarnings("unchecked")
            I nowIn = (I) result[0];
            remainingIn[0] = inOps.subtract(in, nowIn);
            consumeOffer(sb, offer, adj);
            // see rev: an offer with something left is worth another look
            if (fix1298(sb)) {
                processMore = processMore || offer.fullyConsumed();
            }
            return processMore;
        };
        boolean prevStepRedeems = prevStep != null && prevStep.redeems(sb, true);
        Walk walk = forEachOffer(sb, afView, prevStepRedeems, eachOffer);
        ofrsToRm.addAll(walk.toRemove());
        if (walk.consumed() >= MAX_OFFERS_TO_CONSUME) {
            return setDry();
        }
        @SuppressWarnings("unchecked")
        I resultIn = (I) result[0];
        @SuppressWarnings("unchecked")
        O resultOut = (O) result[1];
        int sign = inOps.signum(remainingIn[0]);
        if (sign < 0) {
            return setDry();
        }
        if (sign == 0) {
            resultIn = in;
        }
        cache = new TAmounts<>(resultIn, resultOut);
        return new InOut(inOps.wrap(resultIn), outOps.wrap(resultOut));
    }

    private InOut setDry() {
        cache = new TAmounts<>(inOps.zero(), outOps.zero());
        return new InOut(inOps.wrap(inOps.zero()), outOps.wrap(outOps.zero()));
    }

    /** The checks made when the strand is built: a real book, no loops, NoRipple into the book. */
    private TER check(StrandContext ctx) {
        if (book.in().equals(book.out())) {
            return TER.temBAD_PATH;
        }
        if (!consistent(book.in()) || !consistent(book.out())) {
            return TER.temBAD_PATH;
        }
        // two books giving the same issue could unfund each other's offers
        if (!ctx.seenBookOuts.add(book.out()) || ctx.seenDirectIssues.get(0).contains(book.out())) {
            return TER.temBAD_PATH_LOOP;
        }
        if (ctx.view.rules().enabled(Amendments.FIX1373) && ctx.seenDirectIssues.get(1).contains(book.out())) {
            return TER.temBAD_PATH_LOOP;
        }
        if (Views.after(Views.FIX1443_TIME, ctx.view.parentCloseTime()) && ctx.prevStep != null) {
            AccountId prev = ctx.prevStep.directStepSrcAcct();
            if (prev != null) {
                AccountId cur = book.in().account();
                STObject line = ctx.view.read(Keylets.line(prev, cur, book.in().currency()));
                if (line == null) {
                    return TER.terNO_LINE;
                }
                if ((line.getU32(SField.FLAGS)
                        & (cur.compareTo(prev) > 0 ? LedgerFlags.HIGH_NO_RIPPLE : LedgerFlags.LOW_NO_RIPPLE)) != 0) {
                    return TER.terNO_RIPPLE;
                }
            }
        }
        return TER.tesSUCCESS;
    }

    /** rippled's {@code isConsistent}: native currency exactly with the zero issuer. */
    static boolean consistent(Issue issue) {
        return issue.currency().isNative() == issue.account().equals(AccountId.ZERO);
    }

    @Override
    public String toString() {
        return (offerCrossing ? "BookOfferCrossingStep " : "BookPaymentStep ") + book;
    }
}
