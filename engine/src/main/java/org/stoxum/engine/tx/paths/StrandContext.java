package org.stoxum.engine.tx.paths;

import java.util.List;
import java.util.Set;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.ReadView;

/**
 * What building one step of a strand needs to know (rippled's {@code StrandContext}): the view, the
 * strand's ends and deliverable, where in the strand the step goes, and the issues already seen (a strand
 * may not visit the same account in the same currency twice, nor output the same issue from two books).
 */
final class StrandContext {
    final ReadView view;
    final AccountId strandSrc;
    final AccountId strandDst;
    final Issue strandDeliver;
    /** The worst quality accepted (offer crossing), or null. */
    final Quality limitQuality;
    final boolean isFirst;
    final boolean isLast;
    final boolean ownerPaysTransferFee;
    final boolean offerCrossing;
    final boolean isDefaultPath;
    /** The step before this one, or null. */
    final Step prevStep;
    /** Issues seen as the source [0] and destination [1] of rippling steps. */
    final List<Set<Issue>> seenDirectIssues;
    final Set<Issue> seenBookOuts;
    final CalcSwitchover switchover;

    StrandContext(ReadView view, List<Step> strand, AccountId strandSrc, AccountId strandDst, Issue strandDeliver,
                  Quality limitQuality, boolean isLast, boolean ownerPaysTransferFee, boolean offerCrossing,
                  boolean isDefaultPath, List<Set<Issue>> seenDirectIssues, Set<Issue> seenBookOuts) {
        this.view = view;
        this.strandSrc = strandSrc;
        this.strandDst = strandDst;
        this.strandDeliver = strandDeliver;
        this.limitQuality = limitQuality;
        this.isFirst = strand.isEmpty();
        this.isLast = isLast;
        this.ownerPaysTransferFee = ownerPaysTransferFee;
        this.offerCrossing = offerCrossing;
        this.isDefaultPath = isDefaultPath;
        this.prevStep = strand.isEmpty() ? null : strand.get(strand.size() - 1);
        this.seenDirectIssues = seenDirectIssues;
        this.seenBookOuts = seenBookOuts;
        this.switchover = CalcSwitchover.forCloseTime(view.parentCloseTime());
    }
}
