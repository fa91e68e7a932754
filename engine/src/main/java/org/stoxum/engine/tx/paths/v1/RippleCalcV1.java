package org.stoxum.engine.tx.paths.v1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.paths.Flow;

/**
 * The payment engine of ledgers without the Flow amendment (rippled's pre-Flow {@code RippleCalc}): each
 * pass computes one increment on every live path, applies the best (by quality, then amount, then path
 * order), and repeats until the amount is delivered, SendMax is spent or every path is dry.
 */
public final class RippleCalcV1 {
    /** rippled's {@code PAYMENT_MAX_LOOPS}: passes before the payment gives up. */
    static final int PAYMENT_MAX_LOOPS = 1000;

    /** The payment's options from its flags, and whether its ledger is still open. */
    public record Input(boolean partialPaymentAllowed, boolean defaultPathsAllowed, boolean limitQuality,
                        boolean isLedgerOpen) {
    }

    private final PaymentSandbox view;
    private final STAmount maxAmountReq;
    private final STAmount dstAmountReq;
    private final AccountId dst;
    private final AccountId src;
    private final STPathSet paths;
    private final Input input;
    private final CalcSwitchover switchover;
    private final boolean fix1141;
    /** Offers found unfunded, expired or bad; removed whatever the payment's outcome when it succeeds. */
    private final NavigableSet<Hash256> permanentlyUnfundedOffers = new TreeSet<>();
    /** The node that first used each source in an applied increment, per path. */
    private final Map<AccountIssue, Integer> sourcesUsed = new HashMap<>();
    private final List<PathState> pathStates = new ArrayList<>();
    private STAmount actualAmountIn = STAmount.ofDrops(0);
    private STAmount actualAmountOut = STAmount.ofDrops(0);

    private RippleCalcV1(PaymentSandbox view, STAmount maxAmountReq, STAmount dstAmountReq, AccountId dst,
                         AccountId src, STPathSet paths, Input input) {
        this.view = view;
        this.maxAmountReq = maxAmountReq;
        this.dstAmountReq = dstAmountReq;
        this.dst = dst;
        this.src = src;
        this.paths = paths;
        this.input = input;
        this.switchover = CalcSwitchover.forCloseTime(view.parentCloseTime());
        this.fix1141 = Views.after(Views.FIX1141_TIME, view.parentCloseTime());
    }

    /**
     * Runs the payment in {@code view} (changed only by the increments applied and, on success, the
     * removal of unfunded offers).
     *
     * @param maxAmountReq the most the source sends (negative: no limit)
     */
    public static Flow.Output rippleCalculate(PaymentSandbox view, STAmount maxAmountReq, STAmount dstAmountReq,
                                              AccountId dst, AccountId src, STPathSet paths, Input input) {
        RippleCalcV1 rc = new RippleCalcV1(view, maxAmountReq, dstAmountReq, dst, src, paths, input);
        TER ter = rc.calculate();
        NavigableSet<Hash256> removable = ter != TER.tesSUCCESS && !rc.permanentlyUnfundedOffers.isEmpty()
                ? rc.permanentlyUnfundedOffers : new TreeSet<>();
        return new Flow.Output(ter, rc.actualAmountIn, rc.actualAmountOut, removable);
    }

    CalcSwitchover switchover() {
        return switchover;
    }

    boolean fix1141() {
        return fix1141;
    }

    Set<Hash256> permanentlyUnfundedOffers() {
        return permanentlyUnfundedOffers;
    }

    Map<AccountIssue, Integer> sourcesUsed() {
        return sourcesUsed;
    }

    /** Expands one path; false (with the result) when a malformed path ends the payment. */
    private boolean addPathState(List<STPathElement> path, TER[] resultCode) {
        PathState ps = new PathState(view, dstAmountReq, maxAmountReq);
        ps.expandPath(path, dst, src);
        if (ps.status() == TER.tesSUCCESS) {
            ps.checkNoRipple(dst, src);
        }
        if (ps.status() == TER.tesSUCCESS) {
            ps.checkFreeze();
        }
        ps.setIndex(pathStates.size());
        if (ps.status().isTem()) {
            resultCode[0] = ps.status();
            return false;
        }
        if (ps.status() == TER.tesSUCCESS) {
            resultCode[0] = ps.status();
            pathStates.add(ps);
        } else if (ps.status() != TER.terNO_LINE) {
            resultCode[0] = ps.status();
        }
        return true;
    }

    private TER calculate() {
        TER[] resultCode = {TER.temUNCERTAIN};
        if (input.defaultPathsAllowed()) {
            if (!addPathState(List.of(), resultCode)) {
                return resultCode[0];
            }
        } else if (paths.isEmpty()) {
            return TER.temRIPPLE_EMPTY;
        }
        for (List<STPathElement> path : paths.paths()) {
            if (!addPathState(path, resultCode)) {
                return resultCode[0];
            }
        }
        if (resultCode[0] != TER.tesSUCCESS) {
            return resultCode[0] == TER.temUNCERTAIN ? TER.terNO_LINE : resultCode[0];
        }
        TER result = TER.temUNCERTAIN;
        actualAmountIn = maxAmountReq.zeroed();
        actualAmountOut = dstAmountReq.zeroed();
        long qualityLimit = input.limitQuality() ? AmountMath.getRate(dstAmountReq, maxAmountReq) : 0;
        Set<Hash256> unfundedOffersFromBestPaths = new TreeSet<>();
        int pass = 0;
        while (result == TER.temUNCERTAIN) {
            int best = -1;
            int dry = 0;
            boolean multiQuality = false;
            for (PathState ps : pathStates) {
                if (ps.quality() == 0) {
                    continue;
                }
                boolean onlyOne = pathStates.size() - dry == 1;
                multiQuality = fix1141 ? !input.limitQuality() && onlyOne : onlyOne;
                ps.reset(actualAmountIn, actualAmountOut);
                new PathCursor(this, ps, multiQuality, 0).nextIncrement();
                if (ps.quality() == 0) {
                    dry++;
                } else if (ps.outPass().isZero()) {
                    // not dry yet moved nothing: treat it as dry
                    ps.setQuality(0);
                    dry++;
                } else if ((!input.limitQuality() || Long.compareUnsigned(ps.quality(), qualityLimit) <= 0)
                        && (best < 0 || PathState.lessPriority(pathStates.get(best), ps))) {
                    best = ps.index();
                }
            }
            pass++;
            if (best >= 0) {
                PathState ps = pathStates.get(best);
                unfundedOffersFromBestPaths.addAll(ps.unfundedOffers());
                ps.view().apply(view);
                actualAmountIn = actualAmountIn.add(ps.inPass());
                actualAmountOut = actualAmountOut.add(ps.outPass());
                if (multiQuality) {
                    dry++;
                    ps.setQuality(0);
                }
                int cmp = actualAmountOut.compareTo(dstAmountReq);
                if (cmp == 0) {
                    result = TER.tesSUCCESS;
                } else if (cmp > 0) {
                    return TER.tefEXCEPTION;
                } else if (!actualAmountIn.valueEquals(maxAmountReq) && dry != pathStates.size()) {
                    for (Map.Entry<AccountIssue, Integer> e : ps.reverse().entrySet()) {
                        sourcesUsed.putIfAbsent(e.getKey(), e.getValue());
                    }
                    if (pass >= PAYMENT_MAX_LOOPS) {
                        result = TER.telFAILED_PROCESSING;
                    }
                } else if (!input.partialPaymentAllowed()) {
                    result = TER.tecPATH_PARTIAL;
                } else {
                    result = TER.tesSUCCESS;
                }
            } else if (!input.partialPaymentAllowed()) {
                result = TER.tecPATH_PARTIAL;
            } else if (actualAmountOut.isZero()) {
                result = TER.tecPATH_DRY;
            } else {
                result = TER.tesSUCCESS;
            }
        }
        if (result == TER.tesSUCCESS) {
            result = deleteOffers(unfundedOffersFromBestPaths);
            if (result == TER.tesSUCCESS) {
                result = deleteOffers(permanentlyUnfundedOffers);
            }
        }
        if (result == TER.telFAILED_PROCESSING && !input.isLedgerOpen()) {
            return TER.tecFAILED_PROCESSING;
        }
        return result;
    }

    private TER deleteOffers(Set<Hash256> offers) {
        for (Hash256 key : offers) {
            TER r = Views.offerDelete(view, view.peek(Keylets.offer(key)));
            if (r != TER.tesSUCCESS) {
                return r;
            }
        }
        return TER.tesSUCCESS;
    }
}
