package org.stoxum.engine.tx.paths.v1;

import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.SLE;

/**
 * One node of an expanded path (rippled's {@code path::Node}): an account that ripples, or an order book
 * (account zero) that converts. The reverse pass fills the {@code rev} amounts (what the node is asked
 * for), the forward pass the {@code fwd} amounts (what actually moves); book nodes also keep their place
 * in the book and the offer being taken. Mutable: the passes rewrite it.
 */
final class Node {
    /** The path element type bits the node came from. */
    final int flags;
    final AccountId account;
    /** Accounts: what they receive and send; books: what they output. */
    final Issue issue;

    Rate transferRate;

    /** Book nodes leave redeem and issue at rippled's default amount, native zero. */
    STAmount revRedeem = STAmount.ofDrops(0);
    STAmount revIssue = STAmount.ofDrops(0);
    STAmount revDeliver;
    /** Never cleared between passes (nor in rippled): each pass sets it before reading it. */
    STAmount fwdRedeem = STAmount.ofDrops(0);
    STAmount fwdIssue = STAmount.ofDrops(0);
    STAmount fwdDeliver;

    /** Book nodes: the worst transfer rate accepted so far; kept across passes, as rippled does. */
    Rate rateMax;
    final NodeDirectory directory = new NodeDirectory();
    STAmount ofrRate;
    boolean entryAdvance;
    int entry;
    /** The offer being taken; null when the book has no more. */
    Hash256 offerIndex;
    SLE sleOffer;
    AccountId offerOwner;
    boolean fundsDirty;
    STAmount offerFunds;
    STAmount takerPays;
    STAmount takerGets;

    Node(int flags, AccountId account, Issue issue) {
        this.flags = flags;
        this.account = account;
        this.issue = issue;
    }

    boolean isAccount() {
        return (flags & PathState.TYPE_ACCOUNT) != 0;
    }

    /** Zeroes the amounts a pass computes (not the forward redeem and issue, as in rippled). */
    void clear() {
        revRedeem = revRedeem.zeroed();
        revIssue = revIssue.zeroed();
        revDeliver = revDeliver.zeroed();
        fwdDeliver = fwdDeliver.zeroed();
    }
}
