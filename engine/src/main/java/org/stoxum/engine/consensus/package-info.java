/**
 * Ledger consensus (the RPCA) and validations, free of sockets, disks and clocks.
 *
 * <p>{@link org.stoxum.engine.consensus.Consensus} is the per-round state machine (open, establish,
 * accepted) driven by {@code startRound}, {@code timerEntry}, {@code peerProposal}, {@code gotTxSet} and
 * {@code simulate}; the application plugs in through {@link org.stoxum.engine.consensus.ConsensusAdaptor}.
 * {@link org.stoxum.engine.consensus.Validations} keeps received validations and, through
 * {@link org.stoxum.engine.consensus.LedgerTrie}, names the preferred ledger that wrong-ledger recovery
 * follows. {@link org.stoxum.engine.consensus.ValidatorQuorum} computes each round's quorum and trusted set.
 * {@link org.stoxum.engine.consensus.STValidation} and {@link org.stoxum.engine.consensus.SignedProposal}
 * are the signed wire objects at the adaptor edge.
 *
 * <p>The test sources hold a deterministic simulator ({@code org.stoxum.engine.consensus.sim}) that runs
 * many nodes of this very code in one thread with delays, drops, crashes, partitions and byzantine nodes.
 */
package org.stoxum.engine.consensus;
