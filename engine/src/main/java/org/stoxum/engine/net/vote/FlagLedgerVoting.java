package org.stoxum.engine.net.vote;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;

/**
 * The two places consensus meets voting (stoxumd's {@code RCLConsensus}): signing a validation, and
 * building the initial position after a flag ledger.
 */
public final class FlagLedgerVoting {
    private final FeeVote fees;
    private final AmendmentVote amendments;

    public FlagLedgerVoting(FeeVote fees, AmendmentVote amendments) {
        this.fees = fees;
        this.amendments = amendments;
    }

    /**
     * Voting as {@code config} asks: {@code [voting]}, {@code [amendments]}, {@code [veto_amendments]} and
     * {@code [amendment_majority_time]}.
     */
    public static FlagLedgerVoting of(NodeConfig config) {
        return new FlagLedgerVoting(new FeeVote(config.voting()), AmendmentVote.fromConfig(config.amendments(),
                config.vetoAmendments(), config.amendmentMajorityTime().toSeconds()));
    }

    public FeeVote fees() {
        return fees;
    }

    public AmendmentVote amendments() {
        return amendments;
    }

    /**
     * Adds our fee and amendment votes to the validation of {@code validated} when the next ledger is a
     * flag ledger; otherwise leaves it alone. Call before signing.
     */
    public void addToValidation(ReadView validated, STValidation.Builder validation) {
        fees.addToValidation(validated, validation);
        amendments.addToValidation(validated, validation);
    }

    /**
     * The pseudo-transactions to add to our initial position for the ledger after {@code prevLedger}:
     * none unless {@code prevLedger} is a flag ledger and {@code parentValidations} (the trusted
     * validations of its parent) number at least {@code quorum}; then the SetFee vote, if any, followed by
     * the EnableAmendment votes. The caller decides whether it may vote at all (stoxumd: stand-alone, or
     * proposing on the right ledger).
     */
    public List<STTx> pseudoTransactions(ReadView prevLedger, List<STValidation> parentValidations, int quorum) {
        if (!FlagLedgers.isFlag(prevLedger.seq()) || parentValidations.size() < quorum) {
            return List.of();
        }
        List<STTx> out = new ArrayList<>();
        fees.vote(prevLedger, parentValidations).ifPresent(out::add);
        out.addAll(amendments.vote(prevLedger, parentValidations));
        return out;
    }
}
