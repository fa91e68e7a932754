package org.stoxum.engine.tx.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Views;

/**
 * Runs strands (rippled's {@code StrandFlow.h}): one strand is run backwards from the wanted output to
 * find its limiting step, then forwards from there; a payment repeatedly takes the best-quality strand's
 * liquidity until the amount is delivered, SendMax is spent or every strand is dry.
 *
 * @param <I> what the source sends (XRPAmount or IOUAmount)
 * @param <O> what the destination receives
 */
final class StrandFlow<I, O> {
    /** Passes over the strands before the payment is given up. */
    static final int MAX_TRIES = 1000;

    private final AmountOps<I> inOps;
    private final AmountOps<O> outOps;

    StrandFlow(AmountOps<I> inOps, AmountOps<O> outOps) {
        this.inOps = inOps;
        this.outOps = outOps;
    }

    /** The result of one strand: amounts, the sandbox holding its changes, offers to remove. */
    record StrandResult<I, O>(TER ter, I in, O out, PaymentSandbox sandbox, NavigableSet<Hash256> ofrsToRm) {
    }

    /** The result of a whole payment (rippled's {@code FlowResult}). */
    record FlowResult<I, O>(TER ter, I in, O out, PaymentSandbox sandbox, NavigableSet<Hash256> removableOffers) {
    }

    private StrandResult<I, O> fail(TER ter, NavigableSet<Hash256> ofrsToRm) {
        return new StrandResult<>(ter, inOps.zero(), outOps.zero(), null, ofrsToRm);
    }

    /** Asks {@code strand} for {@code out}, spending at most {@code maxIn} (null: no limit). */
    StrandResult<I, O> flowStrand(PaymentSandbox baseView, List<Step> strand, I maxIn, O out) {
        NavigableSet<Hash256> ofrsToRm = new TreeSet<>();
        if (strand.isEmpty()) {
            return fail(TER.temUNKNOWN, ofrsToRm);
        }
        if (inOps.isNative() && outOps.isNative() && strand.size() == 2) {
            // a direct native-to-native strand: the engine answers "no line", as it always has
            return fail(TER.tecNO_LINE, ofrsToRm);
        }
        try {
            int s = strand.size();
            int limitingStep = s;
            PaymentSandbox sb = new PaymentSandbox(baseView);
            // balances before the strand ran: tell offers found unfunded from those it made unfunded
            PaymentSandbox afView = new PaymentSandbox(baseView);
            EitherAmount limitStepOut = null;
            EitherAmount stepOut = outOps.wrap(out);
            for (int i = s - 1; i >= 0; i--) {
                Step step = strand.get(i);
                Step.InOut r = step.rev(sb, afView, ofrsToRm, stepOut);
                if (step.dry(r.out())) {
                    return fail(TER.tecPATH_DRY, ofrsToRm);
                }
                if (i == 0 && maxIn != null && inOps.lessThan(maxIn, inOps.unwrap(r.in()))) {
                    // limited by SendMax: start over and run the first step forward from it
                    sb = new PaymentSandbox(baseView);
                    limitingStep = i;
                    r = step.fwd(sb, afView, ofrsToRm, inOps.wrap(maxIn));
                    limitStepOut = r.out();
                    if (step.dry(r.out()) || inOps.compare(inOps.unwrap(r.in()), maxIn) != 0) {
                        return fail(TER.telFAILED_PROCESSING, ofrsToRm);
                    }
                } else if (!step.equalOut(r.out(), stepOut)) {
                    // this step limits the strand: start over from what it can give
                    sb = new PaymentSandbox(baseView);
                    afView = new PaymentSandbox(baseView);
                    limitingStep = i;
                    stepOut = r.out();
                    r = step.rev(sb, afView, ofrsToRm, stepOut);
                    limitStepOut = r.out();
                    if (step.dry(r.out()) || !step.equalOut(r.out(), stepOut)) {
                        return fail(TER.telFAILED_PROCESSING, ofrsToRm);
                    }
                }
                stepOut = r.in();
            }
            EitherAmount stepIn = limitStepOut;
            for (int i = limitingStep + 1; i < s; i++) {
                Step step = strand.get(i);
                Step.InOut r = step.fwd(sb, afView, ofrsToRm, stepIn);
                if (step.dry(r.out()) || !step.equalIn(r.in(), stepIn)) {
                    return fail(TER.telFAILED_PROCESSING, ofrsToRm);
                }
                stepIn = r.out();
            }
            I strandIn = inOps.unwrap(strand.get(0).cachedIn());
            O strandOut = outOps.unwrap(strand.get(s - 1).cachedOut());
            return new StrandResult<>(TER.tesSUCCESS, strandIn, strandOut, sb, ofrsToRm);
        } catch (FlowException e) {
            return fail(e.ter(), ofrsToRm);
        }
    }

    /** The product of the steps' quality bounds, or null when a step is dry. */
    private static Quality qualityUpperBound(ReadView v, List<Step> strand, CalcSwitchover so) {
        Quality q = XRPEndpointStep.RATE_ONE;
        boolean[] redeems = {false};
        for (Step step : strand) {
            Quality stepQ = step.qualityUpperBound(v, redeems);
            if (stepQ == null) {
                return null;
            }
            q = Quality.composed(q, stepQ, so);
        }
        return q;
    }

    private record Best<I, O>(I in, O out, PaymentSandbox sb, List<Step> strand, Quality quality) {
    }

    /**
     * Delivers {@code outReq} through {@code strands}, best quality first (rippled's multi-strand
     * {@code flow}).
     *
     * @param limitQuality the worst quality a strand may have, or null
     * @param sendMaxSt    the most the source may send, or null
     */
    FlowResult<I, O> flow(PaymentSandbox baseView, List<List<Step>> strands, O outReq, boolean partialPayment,
                          boolean offerCrossing, Quality limitQuality, STAmount sendMaxSt) {
        CalcSwitchover so = CalcSwitchover.forCloseTime(baseView.parentCloseTime());
        I sendMaxInit = sendMaxSt != null ? inOps.fromSTAmount(sendMaxSt) : inOps.zero();
        I sendMax = sendMaxSt != null && inOps.signum(sendMaxInit) >= 0 ? sendMaxInit : null;
        I remainingIn = sendMax;
        O remainingOut = outReq;
        PaymentSandbox sb = new PaymentSandbox(baseView);
        List<List<Step>> next = new ArrayList<>(strands);
        List<I> savedIns = new ArrayList<>();
        List<O> savedOuts = new ArrayList<>();
        // offers to remove only if the payment fails
        NavigableSet<Hash256> ofrsToRmOnFail = new TreeSet<>();
        int curTry = 0;
        while (outOps.signum(remainingOut) > 0 && (remainingIn == null || inOps.signum(remainingIn) > 0)) {
            if (++curTry >= MAX_TRIES) {
                return new FlowResult<>(TER.telFAILED_PROCESSING, inOps.zero(), outOps.zero(), null, ofrsToRmOnFail);
            }
            List<List<Step>> active = next;
            next = new ArrayList<>();
            NavigableSet<Hash256> ofrsToRm = new TreeSet<>();
            Best<I, O> best = null;
            for (List<Step> strand : active) {
                if (offerCrossing && limitQuality != null) {
                    Quality strandQ = qualityUpperBound(sb, strand, so);
                    if (strandQ == null || strandQ.compareTo(limitQuality) < 0) {
                        continue;
                    }
                }
                StrandResult<I, O> f = flowStrand(sb, strand, remainingIn, remainingOut);
                // offers to remove even if the strand fails
                ofrsToRm.addAll(f.ofrsToRm());
                if (f.ter() != TER.tesSUCCESS || outOps.signum(f.out()) == 0) {
                    continue;
                }
                Quality q = Quality.of(outOps.toSTAmount(f.out()), inOps.toSTAmount(f.in()));
                if (limitQuality != null && q.compareTo(limitQuality) < 0) {
                    continue;
                }
                next.add(strand);
                if (best == null || best.quality().compareTo(q) < 0
                        || (best.quality().equals(q) && outOps.lessThan(best.out(), f.out()))) {
                    best = new Best<>(f.in(), f.out(), f.sandbox(), strand, q);
                }
            }
            boolean shouldBreak = best == null;
            if (best != null) {
                savedIns.add(best.in());
                savedOuts.add(best.out());
                remainingOut = outOps.subtract(outReq, outOps.sum(savedOuts));
                if (sendMax != null) {
                    remainingIn = inOps.subtract(sendMax, inOps.sum(savedIns));
                }
                best.sb().apply(sb);
            }
            if (!ofrsToRm.isEmpty()) {
                ofrsToRmOnFail.addAll(ofrsToRm);
                for (Hash256 o : ofrsToRm) {
                    SLE offer = sb.peek(Keylets.offer(o));
                    if (offer != null) {
                        Views.offerDelete(sb, offer);
                    }
                }
            }
            if (shouldBreak) {
                break;
            }
        }
        O actualOut = outOps.sum(savedOuts);
        I actualIn = inOps.sum(savedIns);
        if (outOps.compare(actualOut, outReq) != 0) {
            if (outOps.compare(actualOut, outReq) > 0) {
                return new FlowResult<>(TER.tefEXCEPTION, inOps.zero(), outOps.zero(), null, ofrsToRmOnFail);
            }
            if (!partialPayment) {
                // crossing a fill-or-kill offer is judged below
                if (!offerCrossing) {
                    return new FlowResult<>(TER.tecPATH_PARTIAL, actualIn, actualOut, null, ofrsToRmOnFail);
                }
            } else if (outOps.signum(actualOut) == 0) {
                return new FlowResult<>(TER.tecPATH_DRY, inOps.zero(), outOps.zero(), null, ofrsToRmOnFail);
            }
        }
        if (offerCrossing && !partialPayment && remainingIn != null && inOps.signum(remainingIn) != 0) {
            // fill or kill: every unit of the input must have been spent
            return new FlowResult<>(TER.tecPATH_PARTIAL, actualIn, actualOut, null, ofrsToRmOnFail);
        }
        return new FlowResult<>(TER.tesSUCCESS, actualIn, actualOut, sb, ofrsToRmOnFail);
    }
}
