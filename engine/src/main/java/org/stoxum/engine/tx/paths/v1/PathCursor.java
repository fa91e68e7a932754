package org.stoxum.engine.tx.paths.v1;

import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.TrustLines;
import org.stoxum.engine.ledger.Views;

/**
 * One node of one path during an increment (rippled's {@code PathCursor}): the reverse pass, from the
 * destination back, works out what each node must be asked for given credit limits, qualities and fees;
 * the forward pass, from the source, moves what actually can. Account nodes are handled here, book nodes
 * by {@link OfferLiquidity}.
 */
final class PathCursor {
    final RippleCalcV1 calc;
    final PathState pathState;
    final boolean multiQuality;
    final int nodeIndex;

    PathCursor(RippleCalcV1 calc, PathState pathState, boolean multiQuality, int nodeIndex) {
        this.calc = calc;
        this.pathState = pathState;
        this.multiQuality = multiQuality;
        this.nodeIndex = restrict(nodeIndex);
    }

    // ------------------------------------------------------------------ navigation

    PaymentSandbox view() {
        return pathState.view();
    }

    int nodeSize() {
        return pathState.nodes().size();
    }

    /** An index into the path; below zero wraps to the last node, as rippled's unsigned index does. */
    private int restrict(int i) {
        return i < 0 ? nodeSize() - 1 : Math.min(i, nodeSize() - 1);
    }

    Node node(int i) {
        return pathState.nodes().get(i);
    }

    Node node() {
        return node(nodeIndex);
    }

    /** The node before; for the first node, the last one (rippled's unsigned wrap-around). */
    Node previousNode() {
        return node(restrict(nodeIndex - 1));
    }

    Node nextNode() {
        return node(restrict(nodeIndex + 1));
    }

    PathCursor at(int index) {
        return new PathCursor(calc, pathState, multiQuality, index);
    }

    PathCursor withMultiQuality(boolean multi) {
        return new PathCursor(calc, pathState, multi, nodeIndex);
    }

    // ------------------------------------------------------------------ the increment

    /** Computes the path's next increment and its quality (0 when the path is dry). */
    void nextIncrement() {
        TER status = liquidity();
        if (status == TER.tesSUCCESS) {
            if (pathState.isDry()) {
                throw new IllegalStateException("Made no progress.");
            }
            pathState.setQuality(AmountMath.getRate(pathState.outPass(), pathState.inPass()));
        } else {
            pathState.setQuality(0);
        }
        pathState.setStatus(status);
    }

    private TER liquidity() {
        TER result = TER.tecPATH_DRY;
        pathState.resetView();
        for (int i = nodeSize() - 1; i >= 0; i--) {
            PathCursor pc = at(i);
            result = pc.reverseLiquidity();
            if (pc.node().transferRate == null) {
                return TER.tefINTERNAL;
            }
            if (result != TER.tesSUCCESS) {
                break;
            }
        }
        if (result != TER.tesSUCCESS) {
            return result;
        }
        pathState.resetView();
        for (int i = 0; i < nodeSize(); i++) {
            result = at(i).forwardLiquidity();
            if (result != TER.tesSUCCESS) {
                return result;
            }
            if (pathState.isDry()) {
                result = TER.tecPATH_DRY;
            }
        }
        return result;
    }

    private TER reverseLiquidity() {
        node().transferRate = Views.transferRate(view(), node().issue.account());
        if (node().isAccount()) {
            return reverseLiquidityForAccount();
        }
        if (nextNode().account.equals(AccountId.ZERO)) {
            // only the last book of a run of books delivers, for all of them
            return TER.tesSUCCESS;
        }
        return OfferLiquidity.deliverNodeReverse(this, nextNode().account, node().revDeliver).ter();
    }

    private TER forwardLiquidity() {
        if (node().isAccount()) {
            return forwardLiquidityForAccount();
        }
        if (previousNode().account.equals(AccountId.ZERO)) {
            return TER.tesSUCCESS;
        }
        return OfferLiquidity.deliverNodeForward(this, previousNode().account, previousNode().fwdDeliver, false)
                .ter();
    }

    private RippleLiquidity.Flowed flow(Rate qIn, Rate qOut, STAmount prvReq, STAmount curReq, STAmount prvAct,
                                        STAmount curAct, long rateMax) {
        return RippleLiquidity.flow(qIn, qOut, prvReq, curReq, prvAct, curAct, rateMax, calc.switchover());
    }

    // ------------------------------------------------------------------ reverse, account nodes

    /**
     * Asks the previous node for what this account must receive to give the next node what it asked:
     * redeeming what the previous node holds of this account's IOUs first, then issuing within its
     * limit, fees and qualities added (rippled's {@code reverseLiquidityForAccount}).
     */
    private TER reverseLiquidityForAccount() {
        TER result = TER.tesSUCCESS;
        int lastNodeIndex = nodeSize() - 1;
        boolean isFinalNode = nodeIndex == lastNodeIndex;
        long rateMax = 0;
        Node node = node();
        Node prev = previousNode();
        boolean previousNodeIsAccount = nodeIndex == 0 || prev.isAccount();
        boolean nextNodeIsAccount = isFinalNode || nextNode().isAccount();
        AccountId previousAccount = previousNodeIsAccount ? prev.account : node.account;
        AccountId nextAccount = nextNodeIsAccount ? nextNode().account : node.account;
        Currency currency = node.issue.currency();
        Rate qualityIn = nodeIndex != 0
                ? RippleLiquidity.qualityIn(view(), node.account, previousAccount, currency) : Rate.PARITY;
        Rate qualityOut = nodeIndex != lastNodeIndex
                ? RippleLiquidity.qualityOut(view(), node.account, nextAccount, currency) : Rate.PARITY;
        boolean prvLine = previousNodeIsAccount && nodeIndex != 0;
        STAmount prvOwed = prvLine ? TrustLines.creditBalance(view(), node.account, previousAccount, currency)
                : STAmount.zero(node.issue);
        STAmount prvLimit = prvLine ? TrustLines.creditLimit(view(), node.account, previousAccount, currency)
                : STAmount.zero(node.issue);
        STAmount prvRedeemReq = prvOwed.signum() > 0 ? prvOwed : STAmount.zero(prvOwed.issue());
        STAmount prvIssueReq = prvOwed.signum() < 0 ? prvLimit.add(prvOwed) : prvLimit;
        STAmount prvDeliverReq = STAmount.of(
                new Issue(prev.revDeliver.currency(), prev.revDeliver.issuer()), 1, 0, true);
        STAmount curRedeemAct = node.revRedeem.zeroed();
        STAmount curIssueAct = node.revIssue.zeroed();
        STAmount curDeliverAct = node.revDeliver.zeroed();
        RippleLiquidity.Flowed f;

        if (nodeIndex == 0) {
            // the source: nothing before it to ask
            return result;
        }
        if (previousNodeIsAccount && nextNodeIsAccount) {
            if (isFinalNode) {
                // account --> ACCOUNT --> $
                STAmount curWantedReq = STAmount.min(pathState.outReq().subtract(pathState.outAct()),
                        prvLimit.add(prvOwed));
                STAmount curWantedAct = curWantedReq.zeroed();
                if (!prvRedeemReq.isZero()) {
                    curWantedAct = STAmount.min(prvRedeemReq, curWantedReq);
                    prev.revRedeem = curWantedAct;
                    rateMax = RippleLiquidity.RATE_ONE;
                } else {
                    prev.revRedeem = STAmount.zero(prvRedeemReq.issue());
                }
                prev.revIssue = STAmount.zero(prvIssueReq.issue());
                if (!curWantedReq.valueEquals(curWantedAct) && !prvIssueReq.isZero()) {
                    f = flow(qualityIn, Rate.PARITY, prvIssueReq, curWantedReq, prev.revIssue, curWantedAct, rateMax);
                    prev.revIssue = f.prvAct();
                    curWantedAct = f.curAct();
                }
                if (curWantedAct.isZero()) {
                    result = TER.tecPATH_DRY;
                }
            } else {
                // account --> ACCOUNT --> account
                prev.revRedeem = STAmount.zero(prvRedeemReq.issue());
                prev.revIssue = STAmount.zero(prvIssueReq.issue());
                if (!node.revRedeem.isZero() && !prvRedeemReq.isZero()) {
                    f = flow(Rate.PARITY, qualityOut, prvRedeemReq, node.revRedeem, prev.revRedeem, curRedeemAct,
                            rateMax);
                    prev.revRedeem = f.prvAct();
                    curRedeemAct = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!node.revRedeem.valueEquals(curRedeemAct) && prev.revRedeem.valueEquals(prvRedeemReq)) {
                    f = flow(qualityIn, qualityOut, prvIssueReq, node.revRedeem, prev.revIssue, curRedeemAct,
                            rateMax);
                    prev.revIssue = f.prvAct();
                    curRedeemAct = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!node.revIssue.isZero() && curRedeemAct.valueEquals(node.revRedeem)
                        && !prev.revRedeem.valueEquals(prvRedeemReq)) {
                    f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prvRedeemReq, node.revIssue,
                            prev.revRedeem, curIssueAct, rateMax);
                    prev.revRedeem = f.prvAct();
                    curIssueAct = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!node.revIssue.valueEquals(curIssueAct) && curRedeemAct.valueEquals(node.revRedeem)
                        && prvRedeemReq.valueEquals(prev.revRedeem) && !prvIssueReq.isZero()) {
                    f = flow(qualityIn, Rate.PARITY, prvIssueReq, node.revIssue, prev.revIssue, curIssueAct, rateMax);
                    prev.revIssue = f.prvAct();
                    curIssueAct = f.curAct();
                }
                if (curRedeemAct.isZero() && curIssueAct.isZero()) {
                    result = TER.tecPATH_DRY;
                }
            }
        } else if (previousNodeIsAccount) {
            // account --> ACCOUNT --> offer: this account issues what the book takes
            prev.revRedeem = STAmount.zero(prvRedeemReq.issue());
            prev.revIssue = STAmount.zero(prvIssueReq.issue());
            if (prvOwed.signum() > 0 && !node.revDeliver.isZero()) {
                f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prvRedeemReq, node.revDeliver,
                        prev.revRedeem, curDeliverAct, rateMax);
                prev.revRedeem = f.prvAct();
                curDeliverAct = f.curAct();
                rateMax = f.rateMax();
            }
            if (prvRedeemReq.valueEquals(prev.revRedeem) && !node.revDeliver.valueEquals(curDeliverAct)) {
                f = flow(qualityIn, Rate.PARITY, prvIssueReq, node.revDeliver, prev.revIssue, curDeliverAct, rateMax);
                prev.revIssue = f.prvAct();
                curDeliverAct = f.curAct();
            }
            if (curDeliverAct.isZero()) {
                result = TER.tecPATH_DRY;
            }
        } else if (nextNodeIsAccount) {
            if (isFinalNode) {
                // offer --> ACCOUNT --> $
                STAmount curWantedReq = pathState.outReq().subtract(pathState.outAct());
                STAmount curWantedAct = curWantedReq.zeroed();
                if (curWantedReq.signum() <= 0) {
                    return TER.tefEXCEPTION;
                }
                f = flow(qualityIn, Rate.PARITY, prvDeliverReq, curWantedReq, prev.revDeliver, curWantedAct, rateMax);
                prev.revDeliver = f.prvAct();
                curWantedAct = f.curAct();
                if (curWantedAct.isZero()) {
                    result = TER.tecPATH_DRY;
                }
            } else {
                // offer --> ACCOUNT --> account
                if (!node.revRedeem.isZero()) {
                    f = flow(Rate.PARITY, qualityOut, prvDeliverReq, node.revRedeem, prev.revDeliver, curRedeemAct,
                            rateMax);
                    prev.revDeliver = f.prvAct();
                    curRedeemAct = f.curAct();
                    rateMax = f.rateMax();
                }
                if (node.revRedeem.valueEquals(curRedeemAct) && !node.revIssue.isZero()) {
                    f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prvDeliverReq, node.revIssue,
                            prev.revDeliver, curIssueAct, rateMax);
                    prev.revDeliver = f.prvAct();
                    curIssueAct = f.curAct();
                }
                if (prev.revDeliver.isZero()) {
                    result = TER.tecPATH_DRY;
                }
            }
        } else {
            // offer --> ACCOUNT --> offer
            f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prvDeliverReq, node.revDeliver,
                    prev.revDeliver, curDeliverAct, rateMax);
            prev.revDeliver = f.prvAct();
            curDeliverAct = f.curAct();
            if (curDeliverAct.isZero()) {
                result = TER.tecPATH_DRY;
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ forward, account nodes

    /**
     * Takes everything the previous node sends and works out what this account passes on, crediting the
     * lines as it goes (rippled's {@code forwardLiquidityForAccount}). The first node is limited by
     * SendMax; the last records what the destination receives.
     */
    private TER forwardLiquidityForAccount() {
        TER result = TER.tesSUCCESS;
        int lastNodeIndex = nodeSize() - 1;
        long rateMax = 0;
        Node node = node();
        Node prev = previousNode();
        Node next = nextNode();
        AccountId previousAccount = prev.isAccount() ? prev.account : node.account;
        AccountId nextAccount = next.isAccount() ? next.account : node.account;
        Currency currency = node.issue.currency();
        Rate qualityIn = nodeIndex != 0
                ? RippleLiquidity.qualityIn(view(), node.account, previousAccount, currency) : Rate.PARITY;
        // rippled asks for the out quality at the last node only, where it is always parity
        Rate qualityOut = nodeIndex == lastNodeIndex
                ? RippleLiquidity.qualityOut(view(), node.account, nextAccount, currency) : Rate.PARITY;
        STAmount prvRedeemAct = prev.fwdRedeem.zeroed();
        STAmount prvIssueAct = prev.fwdIssue.zeroed();
        STAmount prvDeliverAct = prev.fwdDeliver.zeroed();
        RippleLiquidity.Flowed f;

        if (prev.isAccount() && next.isAccount()) {
            if (nodeIndex == 0) {
                // ^ --> ACCOUNT --> account
                node.fwdRedeem = node.revRedeem;
                if (pathState.inReq().signum() >= 0) {
                    node.fwdRedeem = STAmount.min(node.fwdRedeem, pathState.inReq().subtract(pathState.inAct()));
                }
                pathState.setInPass(node.fwdRedeem);
                node.fwdIssue = node.revIssue;
                if (!node.fwdIssue.isZero() && pathState.inReq().signum() >= 0) {
                    node.fwdIssue = STAmount.min(node.fwdIssue,
                            pathState.inReq().subtract(pathState.inAct()).subtract(node.fwdRedeem));
                }
                pathState.setInPass(pathState.inPass().add(node.fwdIssue));
            } else if (nodeIndex == lastNodeIndex) {
                // account --> ACCOUNT --> $
                STAmount issueCrd = qualityIn.compareTo(Rate.PARITY) >= 0 ? prev.fwdIssue
                        : qualityIn.multiplyRound(prev.fwdIssue, true, calc.switchover());
                pathState.setOutPass(prev.fwdRedeem.add(issueCrd));
                if (!pathState.outPass().isZero()) {
                    result = TrustLines.rippleCredit(view(), previousAccount, node.account,
                            prev.fwdRedeem.add(prev.fwdIssue));
                } else {
                    // the quality left nothing worth crediting
                    result = TER.tecPATH_DRY;
                }
            } else {
                // account --> ACCOUNT --> account
                node.fwdRedeem = STAmount.zero(node.revRedeem.issue());
                node.fwdIssue = STAmount.zero(node.revIssue.issue());
                if (!prev.fwdRedeem.isZero() && !node.revRedeem.isZero()) {
                    f = flow(Rate.PARITY, qualityOut, prev.fwdRedeem, node.revRedeem, prvRedeemAct, node.fwdRedeem,
                            rateMax);
                    prvRedeemAct = f.prvAct();
                    node.fwdRedeem = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!prev.fwdIssue.valueEquals(prvIssueAct) && !node.revRedeem.valueEquals(node.fwdRedeem)) {
                    f = flow(qualityIn, qualityOut, prev.fwdIssue, node.revRedeem, prvIssueAct, node.fwdRedeem,
                            rateMax);
                    prvIssueAct = f.prvAct();
                    node.fwdRedeem = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!prev.fwdRedeem.valueEquals(prvRedeemAct) && node.revRedeem.valueEquals(node.fwdRedeem)
                        && !node.revIssue.isZero()) {
                    f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prev.fwdRedeem, node.revIssue,
                            prvRedeemAct, node.fwdIssue, rateMax);
                    prvRedeemAct = f.prvAct();
                    node.fwdIssue = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!prev.fwdIssue.valueEquals(prvIssueAct) && node.revRedeem.valueEquals(node.fwdRedeem)
                        && !node.revIssue.isZero()) {
                    f = flow(qualityIn, Rate.PARITY, prev.fwdIssue, node.revIssue, prvIssueAct, node.fwdIssue,
                            rateMax);
                    node.fwdIssue = f.curAct();
                }
                STAmount provide = node.fwdRedeem.add(node.fwdIssue);
                result = !provide.isZero()
                        ? TrustLines.rippleCredit(view(), previousAccount, node.account,
                                prev.fwdRedeem.add(prev.fwdIssue))
                        : TER.tecPATH_DRY;
            }
        } else if (prev.isAccount()) {
            if (nodeIndex != 0) {
                // account --> ACCOUNT --> offer: the funds stay with this account, the issuer
                node.fwdDeliver = STAmount.zero(node.revDeliver.issue());
                if (!prev.fwdRedeem.isZero()) {
                    f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prev.fwdRedeem, node.revDeliver,
                            prvRedeemAct, node.fwdDeliver, rateMax);
                    prvRedeemAct = f.prvAct();
                    node.fwdDeliver = f.curAct();
                    rateMax = f.rateMax();
                }
                if (prev.fwdRedeem.valueEquals(prvRedeemAct) && !prev.fwdIssue.isZero()) {
                    f = flow(qualityIn, Rate.PARITY, prev.fwdIssue, node.revDeliver, prvIssueAct, node.fwdDeliver,
                            rateMax);
                    node.fwdDeliver = f.curAct();
                }
                result = !node.fwdDeliver.isZero()
                        ? TrustLines.rippleCredit(view(), previousAccount, node.account,
                                prev.fwdRedeem.add(prev.fwdIssue))
                        : TER.tecPATH_DRY;
            } else {
                // ^ --> ACCOUNT --> offer
                node.fwdDeliver = node.revDeliver;
                if (pathState.inReq().signum() >= 0) {
                    node.fwdDeliver = STAmount.min(node.fwdDeliver,
                            pathState.inReq().subtract(pathState.inAct()));
                    if (node.issue.currency().isNative()) {
                        node.fwdDeliver = STAmount.min(node.fwdDeliver,
                                Views.accountHolds(view(), node.account, Currency.NATIVE, AccountId.ZERO, false));
                    }
                }
                pathState.setInPass(node.fwdDeliver);
                if (node.fwdDeliver.isZero()) {
                    result = TER.tecPATH_DRY;
                } else if (node.issue.currency().isNative()) {
                    // native funds wait in limbo (the zero account) for the book
                    result = Views.accountSend(view(), node.account, AccountId.ZERO, node.fwdDeliver);
                }
            }
        } else if (next.isAccount()) {
            if (nodeIndex == lastNodeIndex) {
                // offer --> ACCOUNT --> $: the offers paid the destination already
                pathState.setOutPass(prev.fwdDeliver);
            } else {
                // offer --> ACCOUNT --> account
                node.fwdRedeem = STAmount.zero(node.revRedeem.issue());
                node.fwdIssue = STAmount.zero(node.revIssue.issue());
                if (!prev.fwdDeliver.isZero() && !node.revRedeem.isZero()) {
                    f = flow(Rate.PARITY, qualityOut, prev.fwdDeliver, node.revRedeem, prvDeliverAct, node.fwdRedeem,
                            rateMax);
                    prvDeliverAct = f.prvAct();
                    node.fwdRedeem = f.curAct();
                    rateMax = f.rateMax();
                }
                if (!prev.fwdDeliver.valueEquals(prvDeliverAct) && node.revRedeem.valueEquals(node.fwdRedeem)
                        && !node.revIssue.isZero()) {
                    f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prev.fwdDeliver, node.revIssue,
                            prvDeliverAct, node.fwdIssue, rateMax);
                    node.fwdIssue = f.curAct();
                }
                if (node.fwdRedeem.add(node.fwdIssue).isZero()) {
                    result = TER.tecPATH_DRY;
                }
            }
        } else {
            // offer --> ACCOUNT --> offer
            node.fwdDeliver = STAmount.zero(node.revDeliver.issue());
            if (!prev.fwdDeliver.isZero() && !node.revDeliver.isZero()) {
                f = flow(Rate.PARITY, Views.transferRate(view(), node.account), prev.fwdDeliver, node.revDeliver,
                        prvDeliverAct, node.fwdDeliver, rateMax);
                node.fwdDeliver = f.curAct();
            }
            if (node.fwdDeliver.isZero()) {
                result = TER.tecPATH_DRY;
            }
        }
        return result;
    }
}
