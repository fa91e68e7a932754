package org.stoxum.engine.net.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stoxum.engine.net.vote.VoteFixtures.ledgerAt;
import static org.stoxum.engine.net.vote.VoteFixtures.validation;
import static org.stoxum.engine.net.vote.VoteFixtures.validations;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.binary.TxType;
import org.stoxum.engine.config.VotingConfig;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.STTx;

/** The two calls consensus makes: votes into our validation, pseudo-transactions into our position. */
class FlagLedgerVotingTest {
    private final FlagLedgerVoting voting = new FlagLedgerVoting(new FeeVote(new VotingConfig(12, 10_000, 2_000)),
            new AmendmentVote(Set.of(Amendments.CHECKS), Set.of()));

    @Test
    void bothVotesGoIntoTheValidationBeforeAFlagLedger() {
        Ledger ledger = ledgerAt(255, 1_000, Set.of());
        STValidation v = validation(0, ledger, b -> voting.addToValidation(ledger, b));
        assertEquals(OptionalLong.of(12), v.baseFeeVote());
        assertEquals(List.of(Amendments.CHECKS), v.amendments());
    }

    @Test
    void pseudoTransactionsNeedAFlagLedgerAndAQuorum() {
        Ledger parent = ledgerAt(255, 990, Set.of());
        List<STValidation> vals = validations(4, parent, b -> voting.addToValidation(parent, b));
        List<STTx> txs = voting.pseudoTransactions(ledgerAt(256, 1_000, Set.of()), vals, 4);
        assertEquals(List.of(TxType.SET_FEE, TxType.ENABLE_AMENDMENT), txs.stream().map(STTx::type).toList());
        assertEquals(List.of(), voting.pseudoTransactions(ledgerAt(256, 1_000, Set.of()), vals, 5), "below quorum");
        assertEquals(List.of(), voting.pseudoTransactions(ledgerAt(257, 1_000, Set.of()), vals, 1), "no flag ledger");
    }
}
