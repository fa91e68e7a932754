package org.stoxum.engine.net.vote;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.engine.config.VotingConfig;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;

/**
 * Fee voting (stoxumd's {@code FeeVoteImpl}): a validator asks for its {@code [voting]} values in the
 * validation before each flag ledger, and after the flag ledger every proposer tallies the trusted votes
 * into a SetFee pseudo-transaction when the outcome differs from the ledger's fees.
 */
public final class FeeVote {
    /** The fee units of a reference transaction that SetFee always writes (FeeVote::Setup). */
    public static final long REFERENCE_FEE_UNITS = 10;

    private static final long U32_MASK = 0xFFFF_FFFFL;

    private final VotingConfig target;

    /** A voter for the fees in {@code target}. */
    public FeeVote(VotingConfig target) {
        this.target = target;
    }

    /**
     * Adds our fee votes to the validation of {@code closed} when it is the ledger before a flag ledger:
     * each of sfBaseFee, sfReserveBase, sfReserveIncrement only when our target differs from the
     * ledger's value (the reserves travel as 32-bit fields, as stoxumd truncates them).
     */
    public void addToValidation(ReadView closed, STValidation.Builder validation) {
        if (!FlagLedgers.isVoting(closed.seq())) {
            return;
        }
        Fees fees = closed.fees();
        if (fees.base() != target.referenceFee()) {
            validation.baseFee(target.referenceFee());
        }
        if (fees.accountReserve(0) != target.accountReserve()) {
            validation.reserveBase(target.accountReserve() & U32_MASK);
        }
        if (fees.increment() != target.ownerReserve()) {
            validation.reserveIncrement(target.ownerReserve() & U32_MASK);
        }
    }

    /**
     * The SetFee pseudo-transaction for the ledger after {@code flagLedger}, or empty when the trusted
     * votes in {@code parentValidations} (those of the flag ledger's parent; untrusted ones are ignored)
     * leave every fee as it is.
     *
     * @throws IllegalArgumentException when {@code flagLedger} is not a flag ledger
     */
    public Optional<STTx> vote(ReadView flagLedger, List<STValidation> parentValidations) {
        FlagLedgers.requireFlag(flagLedger.seq());
        Fees fees = flagLedger.fees();
        VotableInteger baseFee = new VotableInteger(fees.base(), target.referenceFee());
        VotableInteger reserveBase = new VotableInteger(fees.accountReserve(0) & U32_MASK,
                target.accountReserve() & U32_MASK);
        VotableInteger reserveIncrement = new VotableInteger(fees.increment() & U32_MASK,
                target.ownerReserve() & U32_MASK);
        for (STValidation v : parentValidations) {
            if (v.trusted()) {
                tally(baseFee, v, STValidation::baseFeeVote);
                tally(reserveBase, v, STValidation::reserveBaseVote);
                tally(reserveIncrement, v, STValidation::reserveIncrementVote);
            }
        }
        long newBase = baseFee.result();
        long newReserve = reserveBase.result();
        long newIncrement = reserveIncrement.result();
        if (newBase == fees.base() && newReserve == fees.accountReserve(0) && newIncrement == fees.increment()) {
            return Optional.empty();
        }
        STObject tx = FlagLedgers.pseudoTx(TxType.SET_FEE, flagLedger.seq())
                .setU64(SField.BASE_FEE, newBase)
                .setU32(SField.RESERVE_BASE, newReserve)
                .setU32(SField.RESERVE_INCREMENT, newIncrement)
                .setU32(SField.REFERENCE_FEE_UNITS, REFERENCE_FEE_UNITS);
        return Optional.of(STTx.of(tx));
    }

    private static void tally(VotableInteger setting, STValidation v, Function<STValidation, OptionalLong> field) {
        OptionalLong vote = field.apply(v);
        if (vote.isPresent()) {
            setting.addVote(vote.getAsLong());
        } else {
            setting.noVote();
        }
    }
}
