package org.stoxum.engine.consensus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stoxum.codec.types.Hash256;

/**
 * A transaction that our position and some peer's position disagree on, with every peer's vote and ours.
 * Our vote follows the peers through the avalanche thresholds: the longer the round runs, the larger the
 * share of yes votes needed to keep the transaction, so positions converge instead of oscillating.
 *
 * @param <T> the transaction type
 * @param <N> the node ID type
 */
public final class DisputedTx<T extends ConsensusTx, N> {
    private final T tx;
    private final Map<N, Boolean> votes = new LinkedHashMap<>();
    private int yays;
    private int nays;
    private boolean ourVote;

    /** A dispute over {@code tx}, with our initial vote (whether our set holds it). */
    public DisputedTx(T tx, boolean ourVote) {
        this.tx = tx;
        this.ourVote = ourVote;
    }

    /** The disputed transaction's ID. */
    public Hash256 id() {
        return tx.id();
    }

    /** The disputed transaction. */
    public T tx() {
        return tx;
    }

    /** Whether we vote to include it. */
    public boolean ourVote() {
        return ourVote;
    }

    /** Peers voting yes. */
    public int yays() {
        return yays;
    }

    /** Peers voting no. */
    public int nays() {
        return nays;
    }

    /** Records (or changes) {@code peer}'s vote. */
    public void setVote(N peer, boolean votesYes) {
        Boolean old = votes.put(peer, votesYes);
        if (old == null) {
            if (votesYes) {
                yays++;
            } else {
                nays++;
            }
        } else if (old != votesYes) {
            if (votesYes) {
                nays--;
                yays++;
            } else {
                yays--;
                nays++;
            }
        }
    }

    /** Forgets {@code peer}'s vote (it bowed out or its position went stale). */
    public void unVote(N peer) {
        Boolean old = votes.remove(peer);
        if (old != null) {
            if (old) {
                yays--;
            } else {
                nays--;
            }
        }
    }

    /**
     * Re-decides our vote.
     *
     * @param convergePercent how far the round is, in percent of the previous round time
     * @param proposing whether we propose (then our own vote weighs in and the avalanche thresholds apply;
     *                  an observer just follows the majority)
     * @return whether our vote changed
     */
    public boolean updateVote(int convergePercent, boolean proposing) {
        if (ourVote && nays == 0) {
            return false;
        }
        if (!ourVote && yays == 0) {
            return false;
        }
        boolean newVote;
        if (proposing) {
            int weight = (yays * 100 + (ourVote ? 100 : 0)) / (nays + yays + 1);
            newVote = weight > ConsensusRules.avalancheThreshold(convergePercent);
        } else {
            newVote = yays > nays;
        }
        if (newVote == ourVote) {
            return false;
        }
        ourVote = newVote;
        return true;
    }

    /** The dispute as consensus_info shows it. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("yays", yays);
        o.put("nays", nays);
        o.put("our_vote", ourVote);
        if (!votes.isEmpty()) {
            ObjectNode v = o.putObject("votes");
            votes.forEach((peer, yes) -> v.put(String.valueOf(peer), yes));
        }
        return o;
    }
}
