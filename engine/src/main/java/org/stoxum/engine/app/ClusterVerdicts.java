package org.stoxum.engine.app;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.cluster.Verdict;

/**
 * Signature verdicts of transactions: what cluster members found, and what the hash router keeps of our own
 * checks on a network. A validator does not take its members' word (stoxumd's PeerImp "be paranoid": each
 * validator checks each transaction whatever its source), but still shares what it checked, so the members
 * that do not validate are spared the work.
 */
final class ClusterVerdicts implements TxIntake.Verdicts {
    private final boolean validator;
    private final Function<Hash256, Verdict> members;
    private final Function<Hash256, Boolean> router;
    private final BiConsumer<Hash256, Boolean> shareWithMembers;
    private final BiConsumer<Hash256, Boolean> keepInRouter;

    /**
     * @param validator        this server validates: members' verdicts are ignored
     * @param members          what the cluster knows of a hash ({@link Verdict#UNKNOWN} without a cluster)
     * @param router           what the hash router knows: true good, false bad, null unknown (or no network)
     * @param shareWithMembers tells the cluster of a check we made
     * @param keepInRouter     records a check we made in the hash router
     */
    ClusterVerdicts(boolean validator, Function<Hash256, Verdict> members, Function<Hash256, Boolean> router,
                    BiConsumer<Hash256, Boolean> shareWithMembers, BiConsumer<Hash256, Boolean> keepInRouter) {
        this.validator = validator;
        this.members = members;
        this.router = router;
        this.shareWithMembers = shareWithMembers;
        this.keepInRouter = keepInRouter;
    }

    @Override
    public Boolean known(Hash256 txId) {
        if (!validator) {
            switch (members.apply(txId)) {
                case GOOD -> {
                    return Boolean.TRUE;
                }
                case BAD -> {
                    return Boolean.FALSE;
                }
                case UNKNOWN -> {
                }
            }
        }
        return router.apply(txId);
    }

    @Override
    public void checked(Hash256 txId, boolean good) {
        shareWithMembers.accept(txId, good);
        keepInRouter.accept(txId, good);
    }
}
