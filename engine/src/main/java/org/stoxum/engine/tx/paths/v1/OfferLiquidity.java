package org.stoxum.engine.tx.paths.v1;

import java.util.List;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Views;

/**
 * Book nodes of the pre-Flow engine (rippled's {@code AdvanceNode}, {@code DeliverNodeReverse} and
 * {@code DeliverNodeForward}): walking a book's offers in quality order, then taking from them, in reverse
 * to find what the previous node must provide, forward to move the funds. A run of books is handled by
 * recursion from its last (reverse) or first (forward) book.
 *
 * <p>The book walk is written here rather than shared with the Taker's offer stream because this engine's
 * walk has its own rules (sources used by one node only, the transfer-rate cap, resuming a quality across
 * passes) that the ledger's outcome depends on.
 */
final class OfferLiquidity {
    /** rippled's {@code CALC_NODE_DELIVER_MAX_LOOPS}: offers one book may take in one increment. */
    static final int DELIVER_MAX_LOOPS = 100;
    /** rippled's {@code CALC_NODE_DELIVER_MAX_LOOPS_MQ}: the same when several qualities may be taken. */
    static final int DELIVER_MAX_LOOPS_MQ = 2000;
    /** rippled's {@code NODE_ADVANCE_MAX_LOOPS}: offers skipped looking for the next usable one. */
    static final int ADVANCE_MAX_LOOPS = 100;

    private OfferLiquidity() {
    }

    /** A delivery's outcome and how much went through. */
    record Delivered(TER ter, STAmount act) {
    }

    /** A forward delivery's outcome: what was taken in, and the transfer fees on top. */
    record Taken(TER ter, STAmount inAct, STAmount inFees) {
    }

    // ------------------------------------------------------------------ walking the book

    /**
     * Moves to the next offer worth taking when needed: one quality at a time, or several when
     * {@code multi} (this is the only non-dry path, or nothing has been found yet).
     */
    static TER advanceNode(PathCursor pc, STAmount amount, boolean reverse, boolean callerHasLiquidity) {
        boolean multi = pc.calc.fix1141()
                ? pc.multiQuality || (!callerHasLiquidity && amount.isZero())
                : pc.multiQuality || amount.isZero();
        return advanceNode(pc.withMultiQuality(multi), reverse);
    }

    private static TER advanceNode(PathCursor pc, boolean reverse) {
        TER result = TER.tesSUCCESS;
        Node node = pc.node();
        Node prev = pc.previousNode();
        RippleCalcV1 calc = pc.calc;
        int loopCount = 0;
        do {
            if (++loopCount > ADVANCE_MAX_LOOPS) {
                return TER.tefEXCEPTION;
            }
            boolean dirDirty = node.directory.initialize(prev.issue, node.issue, pc.view());
            NodeDirectory.Advance advance = node.directory.advance(pc.view());
            if (advance != NodeDirectory.Advance.NO_ADVANCE) {
                dirDirty = true;
                if (advance == NodeDirectory.Advance.END_ADVANCE) {
                    if (reverse) {
                        node.offerIndex = null;
                        break;
                    }
                    // the reverse pass found these offers: running out now should not happen
                    return TER.telFAILED_PROCESSING;
                }
            }
            if (dirDirty) {
                node.ofrRate = AmountMath.amountFromQuality(Keylets.quality(node.directory.current));
                node.entry = 0;
                node.entryAdvance = true;
            }
            if (!node.entryAdvance) {
                if (node.fundsDirty) {
                    STObject offer = node.sleOffer.object();
                    node.takerPays = offer.getAmount(SField.TAKER_PAYS);
                    node.takerGets = offer.getAmount(SField.TAKER_GETS);
                    node.offerFunds = Views.accountFunds(pc.view(), node.offerOwner, node.takerGets, true);
                    node.fundsDirty = false;
                }
            } else if (!dirNext(pc, node)) {
                if (pc.multiQuality) {
                    node.directory.advanceNeeded = true;
                } else if (!reverse) {
                    return TER.telFAILED_PROCESSING;
                } else {
                    node.entryAdvance = false;
                    node.offerIndex = null;
                }
            } else {
                node.sleOffer = pc.view().peek(Keylets.offer(node.offerIndex));
                if (node.sleOffer == null) {
                    // a directory entry without its offer: skip it
                    node.entryAdvance = true;
                } else {
                    result = considerOffer(pc, node, reverse, result);
                }
            }
        } while (result == TER.tesSUCCESS && (node.entryAdvance || node.directory.advanceNeeded));
        return result;
    }

    /**
     * Looks at the offer just reached: skips it (leaving {@code entryAdvance} set) when expired, bad,
     * unfunded or funded by a source another node uses; otherwise makes it the current offer.
     */
    private static TER considerOffer(PathCursor pc, Node node, boolean reverse, TER result) {
        RippleCalcV1 calc = pc.calc;
        STObject offer = node.sleOffer.object();
        node.offerOwner = offer.getAccountId(SField.ACCOUNT);
        node.takerPays = offer.getAmount(SField.TAKER_PAYS);
        node.takerGets = offer.getAmount(SField.TAKER_GETS);
        AccountIssue accountIssue = new AccountIssue(node.offerOwner, node.issue);
        if (offer.isPresent(SField.EXPIRATION)
                && offer.getU32(SField.EXPIRATION) <= pc.view().parentCloseTime()) {
            calc.permanentlyUnfundedOffers().add(node.offerIndex);
            return result;
        }
        if (node.takerPays.signum() <= 0 || node.takerGets.signum() <= 0) {
            if (reverse) {
                calc.permanentlyUnfundedOffers().add(node.offerIndex);
            } else if (!calc.permanentlyUnfundedOffers().contains(node.offerIndex)) {
                // the reverse pass should have seen it: the ledger is not what this pass expects
                return TER.tefEXCEPTION;
            }
            return result;
        }
        boolean isIssuer = node.offerOwner.equals(node.issue.account());
        Integer forward = pc.pathState.forward().get(accountIssue);
        if (forward != null && forward != pc.nodeIndex && !isIssuer) {
            // another node of the path owns this source
            return result;
        }
        Integer reverseAt = pc.pathState.reverse().get(accountIssue);
        boolean foundReverse = reverseAt != null;
        if (foundReverse && reverseAt != pc.nodeIndex && !isIssuer) {
            return result;
        }
        boolean foundPast = calc.sourcesUsed().containsKey(accountIssue);
        node.offerFunds = Views.accountFunds(pc.view(), node.offerOwner, node.takerGets, true);
        if (node.offerFunds.signum() <= 0) {
            if (reverse && !foundReverse && !foundPast) {
                calc.permanentlyUnfundedOffers().add(node.offerIndex);
            }
            return result;
        }
        if (reverse && !foundPast && !foundReverse) {
            pc.pathState.insertReverse(accountIssue, pc.nodeIndex);
        }
        node.fundsDirty = false;
        node.entryAdvance = false;
        return result;
    }

    /**
     * The next entry of the current quality, following the directory's pages (rippled's {@code dirNext});
     * false at the end of the quality.
     */
    private static boolean dirNext(PathCursor pc, Node node) {
        NodeDirectory dir = node.directory;
        while (true) {
            List<Hash256> indexes = dir.ledgerEntry.getVector256(SField.INDEXES);
            if (node.entry < indexes.size()) {
                node.offerIndex = indexes.get(node.entry++);
                return true;
            }
            long nextPage = dir.ledgerEntry.getU64(SField.INDEX_NEXT);
            if (nextPage == 0) {
                node.offerIndex = null;
                return false;
            }
            STObject page = pc.view().read(Keylets.page(dir.current, nextPage));
            node.entry = 0;
            if (page == null) {
                // a corrupt directory: rippled stops here, keeping the entry it had
                return false;
            }
            dir.ledgerEntry = page;
        }
    }

    // ------------------------------------------------------------------ reverse

    /**
     * How much of {@code outReq} this book (and the books before it) can deliver to {@code outAccount},
     * each book restarting its walk; debits the offers in the scratch view and asks the node before for
     * what they take.
     */
    static Delivered deliverNodeReverse(PathCursor pc, AccountId outAccount, STAmount outReq) {
        for (int i = pc.nodeIndex; i >= 0 && !pc.node(i).isAccount(); --i) {
            pc.node(i).directory.restart(pc.multiQuality);
        }
        return deliverNodeReverseImpl(pc, outAccount, outReq, false);
    }

    private static Delivered deliverNodeReverseImpl(PathCursor pc, AccountId outAccount, STAmount outReq,
                                                    boolean callerHasLiquidity) {
        TER result = TER.tesSUCCESS;
        Node node = pc.node();
        Node prev = pc.previousNode();
        CalcSwitchover so = pc.calc.switchover();
        STAmount outAct = STAmount.zero(outReq.issue());
        int loopCount = 0;
        while (outAct.compareTo(outReq) < 0) {
            if (++loopCount > (pc.multiQuality ? DELIVER_MAX_LOOPS_MQ : DELIVER_MAX_LOOPS)) {
                return new Delivered(TER.telFAILED_PROCESSING, outAct);
            }
            result = advanceNode(pc, outAct, true, callerHasLiquidity);
            if (result != TER.tesSUCCESS || node.offerIndex == null) {
                break;
            }
            Rate xferRate = RippleLiquidity.effectiveRate(node.issue, outAccount, node.offerOwner, node.transferRate);
            if (!pc.multiQuality) {
                if (node.rateMax == null) {
                    node.rateMax = xferRate;
                } else if (xferRate.compareTo(node.rateMax) > 0) {
                    // this offer's fee is higher than the increment started with
                    break;
                } else if (xferRate.compareTo(node.rateMax) < 0) {
                    node.rateMax = xferRate;
                }
            }
            STAmount outPassReq = STAmount.min(STAmount.min(node.offerFunds, node.takerGets), outReq.subtract(outAct));
            STAmount outPassAct = outPassReq;
            // the owner pays the transfer fee; round down, preferring liquidity to microscopic fees
            STAmount outPlusFees = xferRate.multiplyRound(outPassAct, false, so);
            if (outPlusFees.compareTo(node.offerFunds) > 0) {
                outPlusFees = node.offerFunds;
                STAmount fee = xferRate.divideRound(outPlusFees, true, so);
                outPassAct = STAmount.min(outPassReq, fee);
            }
            STAmount outputFee = AmountMath.mulRound(outPassAct, node.ofrRate, node.takerPays.issue(), true, so);
            if (so == CalcSwitchover.NONE && outputFee.isZero()) {
                return new Delivered(TER.telFAILED_PROCESSING, outAct);
            }
            STAmount inPassReq = STAmount.min(node.takerPays, outputFee);
            STAmount inPassAct;
            if (inPassReq.isZero()) {
                // after rounding the offer wants nothing: it is as good as unfunded
                node.entryAdvance = true;
                continue;
            } else if (!prev.account.equals(AccountId.ZERO)) {
                // account --> OFFER: the previous node is the issuer and has all it needs
                inPassAct = inPassReq;
            } else {
                // offer --> OFFER: ask the book before
                Delivered d = deliverNodeReverseImpl(pc.at(pc.nodeIndex - 1), node.offerOwner, inPassReq,
                        outAct.signum() > 0);
                result = d.ter();
                inPassAct = d.act();
                if (pc.calc.fix1141() && result == TER.tecPATH_DRY && outAct.signum() > 0) {
                    // dry this time, but earlier offers gave liquidity
                    result = TER.tesSUCCESS;
                    break;
                }
            }
            if (result != TER.tesSUCCESS) {
                break;
            }
            if (inPassAct.compareTo(inPassReq) < 0) {
                STAmount outputRequirements = AmountMath.divRound(inPassAct, node.ofrRate, node.takerGets.issue(),
                        true, so);
                outPassAct = STAmount.min(outPassReq, outputRequirements);
                STAmount outputFees = xferRate.multiplyRound(outPassAct, true, so);
                outPlusFees = STAmount.min(node.offerFunds, outputFees);
            }
            node.fundsDirty = true;
            // tentative: the forward pass redoes the transfers in a fresh view
            result = Views.accountSend(pc.view(), node.offerOwner, node.issue.account(), outPassAct);
            if (result != TER.tesSUCCESS) {
                break;
            }
            if (consume(pc, node, outPassAct, inPassAct) == null) {
                result = TER.telFAILED_PROCESSING;
                break;
            }
            if (outPassAct.valueEquals(node.takerGets)) {
                node.entryAdvance = true;
            }
            outAct = outAct.add(outPassAct);
            prev.revDeliver = prev.revDeliver.add(inPassAct);
        }
        if (result == TER.tesSUCCESS && outAct.isZero()) {
            result = TER.tecPATH_DRY;
        }
        return new Delivered(result, outAct);
    }

    // ------------------------------------------------------------------ forward

    /**
     * Takes {@code inReq} (transfer fees included) from {@code inAccount} into this book's offers and
     * pays their output on: to the next account, or through the next book. Never more than the reverse
     * pass asked of the book.
     */
    static Taken deliverNodeForward(PathCursor pc, AccountId inAccount, STAmount inReq, boolean callerHasLiquidity) {
        TER result = TER.tesSUCCESS;
        Node node = pc.node();
        Node prev = pc.previousNode();
        Node next = pc.nextNode();
        CalcSwitchover so = pc.calc.switchover();
        node.directory.restart(pc.multiQuality);
        STAmount inAct = STAmount.zero(inReq.issue());
        STAmount inFees = STAmount.zero(inReq.issue());
        int loopCount = 0;
        while (result == TER.tesSUCCESS && inAct.add(inFees).compareTo(inReq) < 0) {
            if (++loopCount > (pc.multiQuality ? DELIVER_MAX_LOOPS_MQ : DELIVER_MAX_LOOPS)) {
                return new Taken(TER.telFAILED_PROCESSING, inAct, inFees);
            }
            // rippled ignores what the walk answers here; only running out of offers counts
            advanceNode(pc, inAct, false, callerHasLiquidity);
            if (node.offerIndex == null) {
                return new Taken(TER.telFAILED_PROCESSING, inAct, inFees);
            }
            Rate xferRate = RippleLiquidity.effectiveRate(prev.issue, inAccount, node.offerOwner, prev.transferRate);
            STAmount outFunded = STAmount.min(node.offerFunds, node.takerGets);
            STAmount outPassFunded = STAmount.min(outFunded, node.revDeliver.subtract(node.fwdDeliver));
            STAmount inFunded = AmountMath.mulRound(outPassFunded, node.ofrRate, node.takerPays.issue(), true, so);
            STAmount inTotal = xferRate.multiplyRound(inFunded, true, so);
            STAmount inRemaining = inReq.subtract(inAct).subtract(inFees);
            if (inRemaining.signum() < 0) {
                inRemaining = inRemaining.zeroed();
            }
            STAmount inSum = STAmount.min(inTotal, inRemaining);
            STAmount inPassAct = STAmount.min(node.takerPays, xferRate.divideRound(inSum, true, so));
            STAmount outPass = AmountMath.divRound(inPassAct, node.ofrRate, node.takerGets.issue(), true, so);
            STAmount outPassMax = STAmount.min(outPassFunded, outPass);
            STAmount inPassFeesMax = inSum.subtract(inPassAct);
            STAmount outPassAct;
            STAmount inPassFees;
            if (node.takerPays.isZero() || inSum.signum() <= 0 || inFunded.isZero()) {
                // after the arithmetic the offer is as good as unfunded
                pc.pathState.unfundedOffers().add(node.offerIndex);
                node.entryAdvance = true;
                continue;
            }
            if (!next.account.equals(AccountId.ZERO)) {
                // ? --> OFFER --> account: pay the next account directly
                outPassAct = outPassMax;
                inPassFees = inPassFeesMax;
                result = Views.accountSend(pc.view(), node.offerOwner, next.account, outPassAct);
                if (result != TER.tesSUCCESS) {
                    break;
                }
            } else {
                // ? --> OFFER --> offer: push this offer's output through the next book now, as its
                // owners' fees vary
                Taken t = deliverNodeForward(pc.at(pc.nodeIndex + 1), node.offerOwner, outPassMax,
                        inAct.signum() > 0);
                result = t.ter();
                outPassAct = t.inAct();
                STAmount outPassFees = t.inFees();
                if (result != TER.tesSUCCESS) {
                    break;
                }
                if (outPassAct.valueEquals(outPassMax)) {
                    inPassFees = inPassFeesMax;
                } else {
                    STAmount inPassActNew = AmountMath.mulRound(outPassAct, node.ofrRate, inReq.issue(), true, so);
                    inPassAct = STAmount.min(node.takerPays, inPassActNew);
                    STAmount inPassFeesNew = xferRate.multiplyRound(inPassAct, true, so);
                    inPassFees = STAmount.min(inPassFeesMax, inPassFeesNew);
                }
                AccountId id = node.issue.currency().isNative() ? AccountId.ZERO : node.issue.account();
                // rippled does not look at the result of this send
                Views.accountSend(pc.view(), node.offerOwner, id, outPassAct.add(outPassFees));
            }
            node.fundsDirty = true;
            if (prev.issue.currency().isNative() || !inAccount.equals(node.offerOwner)) {
                AccountId id = !prev.issue.currency().isNative() ? inAccount : AccountId.ZERO;
                result = Views.accountSend(pc.view(), id, node.offerOwner, inPassAct);
                if (result != TER.tesSUCCESS) {
                    break;
                }
            }
            STAmount takerGetsNew = consume(pc, node, outPassAct, inPassAct);
            if (takerGetsNew == null) {
                result = TER.telFAILED_PROCESSING;
                break;
            }
            if (outPassAct.valueEquals(outFunded) || takerGetsNew.isZero()) {
                pc.pathState.unfundedOffers().add(node.offerIndex);
                node.entryAdvance = true;
            }
            inAct = inAct.add(inPassAct);
            inFees = inFees.add(inPassFees);
            node.fwdDeliver = STAmount.min(node.revDeliver, node.fwdDeliver.add(outPassAct));
        }
        return new Taken(result, inAct, inFees);
    }

    /**
     * Takes {@code out} from the offer's TakerGets and {@code in} from its TakerPays and updates it in the
     * view; the TakerGets left, or null when either would go negative (the caller fails the pass with
     * telFAILED_PROCESSING, as rippled does).
     */
    private static STAmount consume(PathCursor pc, Node node, STAmount out, STAmount in) {
        STAmount takerGetsNew = node.takerGets.subtract(out);
        STAmount takerPaysNew = node.takerPays.subtract(in);
        if (takerPaysNew.signum() < 0 || takerGetsNew.signum() < 0) {
            return null;
        }
        node.sleOffer.object().setAmount(SField.TAKER_GETS, takerGetsNew);
        node.sleOffer.object().setAmount(SField.TAKER_PAYS, takerPaysNew);
        pc.view().update(node.sleOffer);
        return takerGetsNew;
    }
}
