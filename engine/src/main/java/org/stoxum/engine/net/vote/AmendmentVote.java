package org.stoxum.engine.net.vote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.config.AmendmentEntry;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.TxFlags;

/**
 * Amendment voting (stoxumd's {@code AmendmentTableImpl} doValidation / doVoting). A validator votes for
 * every amendment it supports, does not veto and the ledger has not enabled. After a flag ledger the
 * trusted votes decide, for each amendment this server knows, what the next ledger records: a majority
 * gained (tfGotMajority), a majority lost (tfLostMajority), or, once a majority has been on the ledger for
 * the majority time (stoxumd: {@link #MAJORITY_TIME}) of close time, the amendment enabled (no flags).
 *
 * <p>Amendments this server does not know are never acted on, whatever the votes, as in stoxumd.
 */
public final class AmendmentVote {
    /** Votes needed, in 256ths of the trusted validations: 204/256, about 80% (MAJORITY_FRACTION). */
    public static final int MAJORITY_FRACTION = 204;
    /** How long (NetClock seconds) a majority must hold before the amendment is enabled: two weeks. */
    public static final long MAJORITY_TIME = 14L * 24 * 60 * 60;

    private final Set<Hash256> supported;
    private final Set<Hash256> vetoed;
    private final long majorityTime;

    /** A voter as {@link #AmendmentVote(Set, Set, long)} with stoxumd's two-week majority time. */
    public AmendmentVote(Set<Hash256> supported, Set<Hash256> vetoed) {
        this(supported, vetoed, MAJORITY_TIME);
    }

    /**
     * A voter that knows and supports {@code supported} and vetoes those of {@code vetoed} it knows
     * (vetoing an unknown amendment changes nothing: it is never voted for anyway).
     *
     * @param majorityTime seconds a majority must hold before we vote to enable ({@code
     *                     [amendment_majority_time]}, an extension; stoxumd fixes {@link #MAJORITY_TIME})
     * @throws IllegalArgumentException when {@code majorityTime} is not positive
     */
    public AmendmentVote(Set<Hash256> supported, Set<Hash256> vetoed, long majorityTime) {
        if (majorityTime <= 0) {
            throw new IllegalArgumentException("the majority time must be positive, not " + majorityTime);
        }
        this.supported = Set.copyOf(supported);
        Set<Hash256> known = new HashSet<>(vetoed);
        known.retainAll(supported);
        this.vetoed = Set.copyOf(known);
        this.majorityTime = majorityTime;
    }

    /**
     * stoxumd's table: the amendments the code supports plus {@code [amendments]} (which stoxumd counts as
     * supported), with {@code [veto_amendments]} vetoed, and stoxumd's majority time.
     *
     * @throws IllegalArgumentException when an entry's id is not 64 hex digits (the config loader
     *                                  already refuses such lines)
     */
    public static AmendmentVote fromConfig(List<AmendmentEntry> amendments, List<AmendmentEntry> vetoAmendments) {
        return fromConfig(amendments, vetoAmendments, MAJORITY_TIME);
    }

    /** {@link #fromConfig(List, List)} with {@code majorityTime} seconds ({@code [amendment_majority_time]}). */
    public static AmendmentVote fromConfig(List<AmendmentEntry> amendments, List<AmendmentEntry> vetoAmendments,
                                           long majorityTime) {
        Set<Hash256> supported = new HashSet<>(Amendments.supported());
        supported.addAll(ids(amendments));
        return new AmendmentVote(supported, ids(vetoAmendments), majorityTime);
    }

    private static Set<Hash256> ids(Collection<AmendmentEntry> entries) {
        Set<Hash256> out = new HashSet<>();
        for (AmendmentEntry e : entries) {
            out.add(Hash256.fromHex(e.id()));
        }
        return out;
    }

    /** True when this server can apply the rules of {@code amendment}. */
    public boolean isSupported(Hash256 amendment) {
        return supported.contains(amendment);
    }

    /**
     * The amendments {@code ledger} enabled that this server does not support: when not empty, stoxumd
     * becomes amendment-blocked.
     */
    public Set<Hash256> unsupportedEnabled(ReadView ledger) {
        Set<Hash256> out = new TreeSet<>(enabled(ledger));
        out.removeAll(supported);
        return out;
    }

    /** Our votes after {@code ledger}: supported, not vetoed, not enabled by it; ascending. */
    public List<Hash256> votes(ReadView ledger) {
        Set<Hash256> enabled = enabled(ledger);
        List<Hash256> out = new ArrayList<>();
        for (Hash256 id : new TreeSet<>(supported)) {
            if (!vetoed.contains(id) && !enabled.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Adds sfAmendments (our {@link #votes}) to the validation of {@code closed} when it is the ledger
     * before a flag ledger and there is something to vote for.
     */
    public void addToValidation(ReadView closed, STValidation.Builder validation) {
        if (!FlagLedgers.isVoting(closed.seq())) {
            return;
        }
        List<Hash256> votes = votes(closed);
        if (!votes.isEmpty()) {
            validation.amendments(votes);
        }
    }

    /**
     * The EnableAmendment pseudo-transactions for the ledger after {@code flagLedger}, in amendment-id
     * order. The threshold is max(1, trusted validations × 204 / 256), counting the trusted validations of
     * {@code parentValidations} (the flag ledger's parent's); majorities are timed against the flag
     * ledger's parent close time.
     *
     * @throws IllegalArgumentException when {@code flagLedger} is not a flag ledger
     */
    public List<STTx> vote(ReadView flagLedger, List<STValidation> parentValidations) {
        FlagLedgers.requireFlag(flagLedger.seq());
        int trusted = 0;
        Map<Hash256, Integer> tally = new HashMap<>();
        for (STValidation v : parentValidations) {
            if (v.trusted()) {
                trusted++;
                for (Hash256 id : new HashSet<>(v.amendments())) {
                    tally.merge(id, 1, Integer::sum);
                }
            }
        }
        int threshold = Math.max(1, trusted * MAJORITY_FRACTION / 256);
        Set<Hash256> enabled = enabled(flagLedger);
        Map<Hash256, Long> majorities = majorities(flagLedger);
        long closeTime = flagLedger.parentCloseTime();
        Map<Hash256, Long> actions = new TreeMap<>();
        for (Hash256 id : supported) {
            if (enabled.contains(id)) {
                continue;
            }
            boolean hasMajority = tally.getOrDefault(id, 0) >= threshold;
            long since = majorities.getOrDefault(id, 0L);
            boolean ledgerMajority = since != 0;
            if (hasMajority && !ledgerMajority && !vetoed.contains(id)) {
                actions.put(id, TxFlags.GOT_MAJORITY);
            } else if (!hasMajority && ledgerMajority) {
                actions.put(id, TxFlags.LOST_MAJORITY);
            } else if (ledgerMajority && since + majorityTime <= closeTime && !vetoed.contains(id)) {
                actions.put(id, 0L);
            }
        }
        List<STTx> out = new ArrayList<>(actions.size());
        actions.forEach((id, flags) -> {
            STObject tx = FlagLedgers.pseudoTx(TxType.ENABLE_AMENDMENT, flagLedger.seq())
                    .setH256(SField.AMENDMENT, id);
            if (flags != 0) {
                tx.setU32(SField.FLAGS, flags);
            }
            out.add(STTx.of(tx));
        });
        return out;
    }

    /** The Amendments object's enabled list (presets are the server's, not the ledger's: left out). */
    private static Set<Hash256> enabled(ReadView ledger) {
        STObject sle = ledger.read(Keylets.amendments());
        if (sle == null || !sle.isPresent(SField.AMENDMENTS)) {
            return Set.of();
        }
        return new HashSet<>(sle.getVector256(SField.AMENDMENTS));
    }

    /** The Amendments object's majorities: amendment to the close time it gained its majority at. */
    private static Map<Hash256, Long> majorities(ReadView ledger) {
        STObject sle = ledger.read(Keylets.amendments());
        Map<Hash256, Long> out = new HashMap<>();
        if (sle != null && sle.isPresent(SField.MAJORITIES)) {
            for (STObject m : sle.getArray(SField.MAJORITIES)) {
                out.put(m.getH256(SField.AMENDMENT), m.getU32(SField.CLOSE_TIME));
            }
        }
        return out;
    }
}
