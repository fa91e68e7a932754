package org.stoxum.engine.tx;

import java.util.List;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Directories;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Sandbox;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.tx.offers.TakerCrossing;
import org.stoxum.engine.tx.paths.Flow;

/**
 * OfferCreate (rippled's {@code CreateOffer.cpp}): optionally cancels an older offer, rounds
 * the price to the issuers' TickSize, crosses the books (the offer is the taker; under FlowCross through
 * the payment engine, its owner both source and destination), and places what is left in the order book at the
 * original price. Immediate-or-cancel offers place nothing; fill-or-kill offers keep nothing of the work
 * unless fully filled, except the removal of stale offers found on the way.
 *
 * <p>Without FlowCross the books are crossed by the older Taker ({@link TakerCrossing}), which moves the
 * funds itself, offer by offer.
 */
public final class CreateOffer extends Transactor {
    static final TransactorType TYPE = TransactorType.of(CreateOffer::preflight, CreateOffer::preclaim,
            CreateOffer::new);

    private CreateOffer(ApplyContext ctx) {
        super(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        long flags = tx.getFlags();
        if ((flags & TxFlags.OFFER_CREATE_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        if ((flags & TxFlags.IMMEDIATE_OR_CANCEL) != 0 && (flags & TxFlags.FILL_OR_KILL) != 0) {
            return TER.temINVALID_FLAG;
        }
        if (tx.isPresent(SField.EXPIRATION) && tx.getU32(SField.EXPIRATION) == 0) {
            return TER.temBAD_EXPIRATION;
        }
        if (tx.isPresent(SField.OFFER_SEQUENCE) && tx.getU32(SField.OFFER_SEQUENCE) == 0) {
            return TER.temBAD_SEQUENCE;
        }
        STAmount pays = tx.getAmount(SField.TAKER_PAYS);
        STAmount gets = tx.getAmount(SField.TAKER_GETS);
        if (!pays.isLegalNet() || !gets.isLegalNet()) {
            return TER.temBAD_AMOUNT;
        }
        if (pays.isNative() && gets.isNative()) {
            return TER.temBAD_OFFER;
        }
        if (pays.signum() <= 0 || gets.signum() <= 0) {
            return TER.temBAD_OFFER;
        }
        if (pays.currency().equals(gets.currency()) && pays.issuer().equals(gets.issuer())) {
            return TER.temREDUNDANT;
        }
        if (Currency.BAD.equals(pays.currency()) || Currency.BAD.equals(gets.currency())) {
            return TER.temBAD_CURRENCY;
        }
        if (pays.isNative() != pays.issuer().equals(AccountId.ZERO)
                || gets.isNative() != gets.issuer().equals(AccountId.ZERO)) {
            return TER.temBAD_ISSUER;
        }
        return preflight2(ctx);
    }

    static TER preclaim(PreclaimContext ctx) {
        AccountId id = ctx.tx().account();
        STObject tx = ctx.tx().object();
        STAmount pays = tx.getAmount(SField.TAKER_PAYS);
        STAmount gets = tx.getAmount(SField.TAKER_GETS);
        long accountSequence = ctx.view().read(Keylets.account(id)).getU32(SField.SEQUENCE);
        if (Views.isGlobalFrozen(ctx.view(), pays.issuer()) || Views.isGlobalFrozen(ctx.view(), gets.issuer())) {
            return TER.tecFROZEN;
        }
        if (Views.accountFunds(ctx.view(), id, gets, true).signum() <= 0) {
            return TER.tecUNFUNDED_OFFER;
        }
        if (tx.isPresent(SField.OFFER_SEQUENCE) && accountSequence <= tx.getU32(SField.OFFER_SEQUENCE)) {
            return TER.temBAD_SEQUENCE;
        }
        if (expired(ctx.view(), tx)) {
            return ctx.view().rules().enabled(Amendments.CHECKS) ? TER.tecEXPIRED : TER.tesSUCCESS;
        }
        if (!pays.isNative()) {
            return checkAcceptAsset(ctx.view(), ctx.flags(), id, pays.issue());
        }
        return TER.tesSUCCESS;
    }

    /** True when the offer's Expiration is not after the parent ledger's close (the last time known for sure). */
    private static boolean expired(ReadView view, STObject tx) {
        return tx.isPresent(SField.EXPIRATION) && view.parentCloseTime() >= tx.getU32(SField.EXPIRATION);
    }

    /** The offer's owner must be allowed to hold what the taker will pay it. */
    private static TER checkAcceptAsset(ReadView view, int flags, AccountId id, Issue issue) {
        boolean retry = ApplyFlags.has(flags, ApplyFlags.RETRY);
        STObject issuer = view.read(Keylets.account(issue.account()));
        if (issuer == null) {
            return retry ? TER.terNO_ACCOUNT : TER.tecNO_ISSUER;
        }
        if (view.rules().enabled(Amendments.FLOW_CROSS) && issue.account().equals(id)) {
            // an account can always hold its own issue
            return TER.tesSUCCESS;
        }
        if ((issuer.getFlags() & LedgerFlags.REQUIRE_AUTH) != 0) {
            STObject line = view.read(Keylets.line(id, issue.account(), issue.currency()));
            if (line == null) {
                return retry ? TER.terNO_LINE : TER.tecNO_LINE;
            }
            long authFlag = id.compareTo(issue.account()) > 0 ? LedgerFlags.LOW_AUTH : LedgerFlags.HIGH_AUTH;
            if ((line.getFlags() & authFlag) == 0) {
                return retry ? TER.terNO_AUTH : TER.tecNO_AUTH;
            }
        }
        return TER.tesSUCCESS;
    }

    /** A result and whether the main sandbox (rather than the cancel one) is kept. */
    private record Outcome(TER ter, boolean keepMain) {
    }

    @Override
    protected TER doApply() {
        // sb: the offer's full effect; sbCancel: only the fee and the stale offers found on the way
        Sandbox sb = new Sandbox(view());
        Sandbox sbCancel = new Sandbox(view());
        Outcome r = applyGuts(sb, sbCancel);
        if (r.keepMain()) {
            sb.apply(view());
        } else {
            sbCancel.apply(view());
        }
        return r.ter();
    }

    private Outcome applyGuts(Sandbox sb, Sandbox sbCancel) {
        STObject tx = tx();
        long txFlags = tx.getFlags();
        boolean passive = (txFlags & TxFlags.PASSIVE) != 0;
        boolean immediateOrCancel = (txFlags & TxFlags.IMMEDIATE_OR_CANCEL) != 0;
        boolean fillOrKill = (txFlags & TxFlags.FILL_OR_KILL) != 0;
        boolean sell = (txFlags & TxFlags.SELL) != 0;
        STAmount takerPays = tx.getAmount(SField.TAKER_PAYS);
        STAmount takerGets = tx.getAmount(SField.TAKER_GETS);
        long sequence = ctx.tx().sequence();
        // the offer keeps its original price even when crossing changes what is left of it
        long rate = AmountMath.getRate(takerGets, takerPays);
        CalcSwitchover so = CalcSwitchover.forCloseTime(view().parentCloseTime());

        TER result = TER.tesSUCCESS;
        if (tx.isPresent(SField.OFFER_SEQUENCE)) {
            // an offer already gone is no error
            SLE cancel = sb.peek(Keylets.offer(account, tx.getU32(SField.OFFER_SEQUENCE)));
            if (cancel != null) {
                result = Views.offerDelete(sb, cancel);
            }
        }
        if (expired(view(), tx)) {
            return new Outcome(view().rules().enabled(Amendments.CHECKS) ? TER.tecEXPIRED : TER.tesSUCCESS, true);
        }
        boolean crossed = false;
        if (result == TER.tesSUCCESS) {
            int tickSize = Math.min(tickSize(sb, takerPays.issuer()), tickSize(sb, takerGets.issuer()));
            if (tickSize < Quality.MAX_TICK_SIZE) {
                STAmount tickRate = new Quality(rate).round(tickSize).rate();
                // round the inexact side, as if the offer executed at a slightly better price for its owner
                if (sell) {
                    takerPays = AmountMath.multiply(takerGets, tickRate, takerPays.issue());
                } else {
                    takerGets = AmountMath.divide(takerPays, tickRate, takerGets.issue());
                }
                if (takerGets.isZero() || takerPays.isZero()) {
                    return new Outcome(result, true);
                }
                rate = AmountMath.getRate(takerGets, takerPays);
            }
            // crossing, the offer is the taker: it takes in what it gets and pays out what it pays
            Amounts takerAmount = new Amounts(takerGets, takerPays);
            Crossed c = cross(sb, sbCancel, takerAmount, so);
            result = c.ter();
            Amounts placeOffer = c.left();
            if (result == TER.tecFAILED_PROCESSING && view().open()) {
                result = TER.telFAILED_PROCESSING;
            }
            if (result != TER.tesSUCCESS) {
                return new Outcome(result, true);
            }
            crossed = !(takerAmount.in().valueEquals(placeOffer.in()) && takerAmount.out().valueEquals(placeOffer.out()));
            if (placeOffer.in().signum() < 0 || placeOffer.out().signum() < 0) {
                return new Outcome(TER.tefINTERNAL, true);
            }
            if (placeOffer.in().isZero() || placeOffer.out().isZero()) {
                // fully crossed
                return new Outcome(result, true);
            }
            takerPays = placeOffer.out();
            takerGets = placeOffer.in();
        }
        if (result != TER.tesSUCCESS) {
            return new Outcome(result, true);
        }
        if (fillOrKill) {
            // not filled: only the fee is paid
            return new Outcome(TER.tesSUCCESS, false);
        }
        if (immediateOrCancel) {
            return new Outcome(TER.tesSUCCESS, true);
        }
        SLE creator = sb.peek(Keylets.account(account));
        long reserve = view().fees().accountReserve(creator.object().getU32(SField.OWNER_COUNT) + 1);
        if (priorBalance < reserve) {
            // short of the reserve before this transaction: keep what crossed, place nothing
            return new Outcome(crossed ? result : TER.tecINSUF_RESERVE_OFFER, true);
        }
        return place(sb, creator, takerPays, takerGets, sequence, rate, passive, sell);
    }

    /** Places the rest of the offer in its owner's directory and its book at {@code rate}. */
    private Outcome place(Sandbox sb, SLE creator, STAmount takerPays, STAmount takerGets, long sequence, long rate,
                          boolean passive, boolean sell) {
        Keylet offerKey = Keylets.offer(account, sequence);
        Long ownerNode = Directories.dirAdd(sb, Keylets.ownerDir(account), offerKey.key(), false,
                Directories.describeOwnerDir(account));
        if (ownerNode == null) {
            return new Outcome(TER.tecDIR_FULL, true);
        }
        Views.adjustOwnerCount(sb, creator, 1);
        Issue paysIssue = takerPays.issue();
        Issue getsIssue = takerGets.issue();
        Keylet dir = Keylets.quality(Keylets.book(paysIssue, getsIssue), rate);
        Long bookNode = Directories.dirAdd(sb, dir, offerKey.key(), true, sle -> {
            sle.object().setH160(SField.TAKER_PAYS_CURRENCY, paysIssue.currency().toBytes());
            sle.object().setH160(SField.TAKER_PAYS_ISSUER, paysIssue.account().toBytes());
            sle.object().setH160(SField.TAKER_GETS_CURRENCY, getsIssue.currency().toBytes());
            sle.object().setH160(SField.TAKER_GETS_ISSUER, getsIssue.account().toBytes());
            sle.object().setU64(SField.EXCHANGE_RATE, rate);
        });
        if (bookNode == null) {
            return new Outcome(TER.tecDIR_FULL, true);
        }
        SLE offer = SLE.create(offerKey);
        STObject o = offer.object();
        o.setAccountId(SField.ACCOUNT, account);
        o.setU32(SField.SEQUENCE, sequence);
        o.setH256(SField.BOOK_DIRECTORY, dir.key());
        o.setAmount(SField.TAKER_PAYS, takerPays);
        o.setAmount(SField.TAKER_GETS, takerGets);
        o.setU64(SField.OWNER_NODE, ownerNode);
        o.setU64(SField.BOOK_NODE, bookNode);
        if (tx().isPresent(SField.EXPIRATION)) {
            o.setU32(SField.EXPIRATION, tx().getU32(SField.EXPIRATION));
        }
        if (passive) {
            o.setFlag(LedgerFlags.PASSIVE);
        }
        if (sell) {
            o.setFlag(LedgerFlags.SELL);
        }
        sb.insert(offer);
        return new Outcome(TER.tesSUCCESS, true);
    }

    /** The TickSize of an issuer (the native currency has none: the maximum). */
    private static int tickSize(ReadView view, AccountId issuer) {
        if (issuer.equals(AccountId.ZERO)) {
            return Quality.MAX_TICK_SIZE;
        }
        STObject sle = view.read(Keylets.account(issuer));
        if (sle != null && sle.isPresent(SField.TICK_SIZE)) {
            return sle.getU8(SField.TICK_SIZE);
        }
        return Quality.MAX_TICK_SIZE;
    }

    /** The crossing's result and what is left of the offer (as the taker: in is TakerGets). */
    private record Crossed(TER ter, Amounts left) {
    }

    /**
     * Crosses with the payment engine under FlowCross, else with the older Taker. (rippled's
     * CompareTakerFlowCross runs both and only logs their differences: nothing observable.)
     */
    private Crossed cross(Sandbox sb, Sandbox sbCancel, Amounts takerAmount, CalcSwitchover so) {
        if (!sb.rules().enabled(Amendments.FLOW_CROSS)) {
            Sandbox sbTaker = new Sandbox(sb);
            Sandbox sbCancelTaker = new Sandbox(sbCancel);
            TakerCrossing.Result r = new TakerCrossing(sbTaker, sbCancelTaker, view().parentCloseTime(), so)
                    .cross(account, takerAmount, tx().getFlags());
            sbTaker.apply(sb);
            sbCancelTaker.apply(sbCancel);
            return new Crossed(r.ter(), r.left());
        }
        PaymentSandbox psbFlow = new PaymentSandbox(sb);
        PaymentSandbox psbCancelFlow = new PaymentSandbox(sbCancel);
        Crossed r = flowCross(psbFlow, psbCancelFlow, takerAmount, so);
        psbFlow.apply(sb);
        psbCancelFlow.apply(sbCancel);
        return r;
    }

    /** Crosses the books with the payment engine: the offer pays itself through them (rippled's {@code flowCross}). */
    private Crossed flowCross(PaymentSandbox psb, PaymentSandbox psbCancel, Amounts takerAmount, CalcSwitchover so) {
        try {
            // fees paid may have taken a native balance below the reserve since preclaim
            STAmount inStartBalance = Views.accountFunds(psb, account, takerAmount.in(), true);
            if (inStartBalance.signum() <= 0) {
                return new Crossed(TER.tecUNFUNDED_OFFER, takerAmount);
            }
            long txFlags = tx().getFlags();
            // the gateway takes its transfer fee on top: allow for it in SendMax
            Rate gatewayXferRate = Rate.PARITY;
            STAmount sendMax = takerAmount.in();
            if (!sendMax.isNative() && !account.equals(sendMax.issuer())) {
                gatewayXferRate = Views.transferRate(psb, sendMax.issuer());
                if (!gatewayXferRate.equals(Rate.PARITY)) {
                    sendMax = gatewayXferRate.multiplyRound(takerAmount.in(), takerAmount.in().issue(), true, so);
                }
            }
            // the engine compares qualities with the transfer fee included
            Quality threshold = Quality.of(takerAmount.out(), sendMax);
            if ((txFlags & TxFlags.PASSIVE) != 0) {
                // passive: cross only strictly better offers
                threshold = threshold.higher();
            }
            if (sendMax.compareTo(inStartBalance) > 0) {
                sendMax = inStartBalance;
            }
            // besides the default path, issued-to-issued offers also cross through the native currency
            STPathSet paths = STPathSet.EMPTY;
            if (!takerAmount.in().isNative() && !takerAmount.out().isNative()) {
                paths = STPathSet.of(List.of(List.of(STPathElement.of(null, Currency.NATIVE, null))));
            }
            STAmount deliver = takerAmount.out();
            if ((txFlags & TxFlags.SELL) != 0) {
                // selling takes as much as it can get: the most there is (half for issued, leaving room
                // for a transfer fee of up to 100%)
                deliver = deliver.isNative() ? STAmount.ofDrops(MAX_NATIVE)
                        : STAmount.of(takerAmount.out().issue(), STAmount.MAX_MANTISSA / 2, STAmount.MAX_EXPONENT,
                        false);
            }
            Flow.Output result = Flow.flow(psb, new Flow.Request(deliver, account, account, paths, true,
                    (txFlags & TxFlags.FILL_OR_KILL) == 0, true, true, threshold, sendMax));
            for (Hash256 toRemove : result.removableOffers()) {
                SLE otr = psb.peek(Keylets.offer(toRemove));
                if (otr != null) {
                    Views.offerDelete(psb, otr);
                }
                otr = psbCancel.peek(Keylets.offer(toRemove));
                if (otr != null) {
                    Views.offerDelete(psbCancel, otr);
                }
            }
            Amounts afterCross = takerAmount;
            if (result.ter() == TER.tesSUCCESS) {
                afterCross = leftAfterCross(psb, takerAmount, result, gatewayXferRate, (txFlags & TxFlags.SELL) != 0,
                        so);
            }
            return new Crossed(TER.tesSUCCESS, afterCross);
        } catch (RuntimeException e) {
            return new Crossed(TER.tecINTERNAL, takerAmount);
        }
    }

    /** cMaxNative: the largest native amount, delivered for a selling offer. */
    private static final long MAX_NATIVE = 9_000_000_000_000_000_000L;

    /** What is left of the offer, at its original price, after the crossing took {@code result}. */
    private Amounts leftAfterCross(PaymentSandbox psb, Amounts takerAmount, Flow.Output result, Rate gatewayXferRate,
                                   boolean sell, CalcSwitchover so) {
        STAmount takerInBalance = Views.accountFunds(psb, account, takerAmount.in(), true);
        if (takerInBalance.signum() <= 0) {
            // the crossing spent everything: place nothing
            return new Amounts(takerAmount.in().zeroed(), takerAmount.out().zeroed());
        }
        STAmount rate = Quality.of(takerAmount.out(), takerAmount.in()).rate();
        if (sell) {
            // scale what is left by what was sold, leaving out the gateway's cut
            STAmount nonGatewayAmountIn = result.actualIn();
            if (!gatewayXferRate.equals(Rate.PARITY)) {
                nonGatewayAmountIn = gatewayXferRate.divideRound(result.actualIn(), takerAmount.in().issue(), true, so);
            }
            STAmount in = takerAmount.in().subtract(nonGatewayAmountIn);
            if (in.signum() < 0) {
                in = in.zeroed();
            }
            return new Amounts(in, AmountMath.divRound(in, rate, takerAmount.out().issue(), true, so));
        }
        STAmount out = takerAmount.out().subtract(result.actualOut());
        if (out.signum() < 0) {
            out = out.zeroed();
        }
        return new Amounts(AmountMath.mulRound(out, rate, takerAmount.in().issue(), true, so), out);
    }
}
