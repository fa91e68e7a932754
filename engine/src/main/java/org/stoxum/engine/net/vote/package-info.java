/**
 * Fee and amendment voting on flag ledgers (stoxumd's {@code FeeVote} and {@code AmendmentTable}).
 *
 * <p>Every 256 ledgers the network may change its fee schedule and its rules. A validator announces its
 * wishes in the validation of the ledger just before a flag ledger ({@code (seq + 1) % 256 == 0}); after
 * the flag ledger closes, each proposer counts the trusted validations of the flag ledger's parent and puts
 * SetFee and EnableAmendment pseudo-transactions into its initial position for the next ledger, where
 * {@code Change} applies them like any transaction. {@link org.stoxum.engine.net.vote.FlagLedgerVoting}
 * is the two-call face the consensus adaptor uses.
 */
package org.stoxum.engine.net.vote;
