package org.stoxum.engine.tx.paths;

import java.util.NavigableSet;
import java.util.TreeSet;
import org.stoxum.codec.amount.IOUAmount;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.amount.XRPAmount;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.PaymentSandbox;

/**
 * The payment engine's entry point (rippled's {@code flow} in {@code Flow.cpp}): builds the strands for a
 * payment or an offer crossing, runs them with the amount kinds of the source and destination, and
 * applies the result into {@code sb} when it succeeded.
 */
public final class Flow {
    private Flow() {
    }

    /**
     * What a payment did (rippled's {@code RippleCalc::Output}): its result, what it took and gave (zero
     * when it failed early), and, when it failed, the offers found unfunded that may still be removed.
     */
    public record Output(TER ter, STAmount actualIn, STAmount actualOut, NavigableSet<Hash256> removableOffers) {
        static Output of(TER ter) {
            return new Output(ter, STAmount.ofDrops(0), STAmount.ofDrops(0), new TreeSet<>());
        }
    }

    /** What one call moves: from whom, to whom, how much, along which paths and under which limits. */
    public record Request(STAmount deliver, AccountId src, AccountId dst, STPathSet paths, boolean defaultPaths,
                          boolean partialPayment, boolean ownerPaysTransferFee, boolean offerCrossing,
                          Quality limitQuality, STAmount sendMax) {
    }

    /** Runs the payment over {@code sb}; its changes are applied there only on success. */
    public static Output flow(PaymentSandbox sb, Request r) {
        Issue srcIssue;
        if (r.sendMax() != null) {
            srcIssue = r.sendMax().issue();
        } else if (!r.deliver().currency().isNative()) {
            srcIssue = new Issue(r.deliver().currency(), r.src());
        } else {
            srcIssue = Issue.NATIVE;
        }
        Issue dstIssue = r.deliver().issue();
        Issue sendMaxIssue = r.sendMax() != null ? r.sendMax().issue() : null;
        Strands.Result sr = Strands.toStrands(sb, new Strands.Request(r.src(), r.dst(), dstIssue, r.limitQuality(),
                sendMaxIssue, r.ownerPaysTransferFee(), r.offerCrossing()), r.paths(), r.defaultPaths());
        if (sr.ter() != TER.tesSUCCESS) {
            return Output.of(sr.ter());
        }
        boolean srcIsXrp = srcIssue.currency().isNative();
        boolean dstIsXrp = dstIssue.currency().isNative();
        if (srcIsXrp && dstIsXrp) {
            return run(sb, r, sr, AmountOps.XRP, AmountOps.XRP, XRPAmount.of(r.deliver()), srcIssue, dstIssue);
        }
        if (srcIsXrp) {
            return run(sb, r, sr, AmountOps.XRP, AmountOps.IOU, IOUAmount.of(r.deliver()), srcIssue, dstIssue);
        }
        if (dstIsXrp) {
            return run(sb, r, sr, AmountOps.IOU, AmountOps.XRP, XRPAmount.of(r.deliver()), srcIssue, dstIssue);
        }
        return run(sb, r, sr, AmountOps.IOU, AmountOps.IOU, IOUAmount.of(r.deliver()), srcIssue, dstIssue);
    }

    private static <I, O> Output run(PaymentSandbox sb, Request r, Strands.Result sr, AmountOps<I> inOps,
                                     AmountOps<O> outOps, O deliver, Issue srcIssue, Issue dstIssue) {
        StrandFlow.FlowResult<I, O> f = new StrandFlow<>(inOps, outOps).flow(sb, sr.strands(), deliver,
                r.partialPayment(), r.offerCrossing(), r.limitQuality(), r.sendMax());
        NavigableSet<Hash256> removable = new TreeSet<>();
        if (f.ter() == TER.tesSUCCESS) {
            f.sandbox().apply(sb);
        } else {
            removable = f.removableOffers();
        }
        return new Output(f.ter(), inOps.toSTAmount(f.in(), srcIssue), outOps.toSTAmount(f.out(), dstIssue),
                removable);
    }
}
