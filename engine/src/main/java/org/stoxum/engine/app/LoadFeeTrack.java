package org.stoxum.engine.app;

import java.util.function.LongSupplier;
import org.stoxum.engine.tx.FeeTrack;

/**
 * The node's live load factors (rippled's {@code LoadFeeTrack}): the local fee, raised by a quarter when the
 * node has been overloaded twice in a row and lowered by a quarter when it is not, and the cluster fee, the
 * median of the other cluster members' reports. Fees scale by these (256 is normal); thread-safe.
 */
public final class LoadFeeTrack implements FeeTrack {
    /** The ceiling of the local fee (lftFeeMax). */
    static final long MAX_FEE = LOAD_BASE * 1_000_000;
    /** Overloaded checks in a row before the fee rises. */
    static final int RAISE_AFTER = 2;
    /**
     * A validated ledger older than this makes our cluster reports carry load fee 0 (stoxumd's
     * processClusterTimer): a node that lost the network should not raise its members' fees.
     */
    public static final long CLUSTER_REPORT_MAX_LEDGER_AGE_SECONDS = 4 * 60;

    private final LongSupplier clusterFee;
    private long local = LOAD_BASE;
    private int overloadedInARow;

    /** @param clusterFee the cluster's median fee, 0 when no member reported (no cluster: always 0) */
    public LoadFeeTrack(LongSupplier clusterFee) {
        this.clusterFee = clusterFee;
    }

    /**
     * One load check's verdict (the load manager's once-a-second look at the job queue and the pipeline).
     *
     * @return whether the local fee changed
     */
    public synchronized boolean onLoadCheck(boolean overloaded) {
        long before = local;
        if (overloaded) {
            if (++overloadedInARow >= RAISE_AFTER) {
                local = Math.min(MAX_FEE, local + local / 4);
            }
        } else {
            overloadedInARow = 0;
            local = Math.max(LOAD_BASE, local - local / 4);
        }
        return local != before;
    }

    /** Raises the local fee at once, as two overloaded checks in a row would (a load spike). */
    public synchronized void raiseLocalFee() {
        overloadedInARow = RAISE_AFTER;
        local = Math.min(MAX_FEE, local + local / 4);
    }

    /**
     * The load fee our cluster reports carry: the local fee, or 0 while the validated ledger is older than
     * {@value #CLUSTER_REPORT_MAX_LEDGER_AGE_SECONDS} seconds.
     *
     * @param validatedLedgerAgeSeconds the validated ledger's age; {@link Long#MAX_VALUE} when there is none
     */
    public long clusterReportFee(long validatedLedgerAgeSeconds) {
        return validatedLedgerAgeSeconds <= CLUSTER_REPORT_MAX_LEDGER_AGE_SECONDS ? localFee() : 0;
    }

    @Override
    public synchronized long localFee() {
        return local;
    }

    @Override
    public long remoteFee() {
        return LOAD_BASE;
    }

    @Override
    public long clusterFee() {
        return Math.max(LOAD_BASE, clusterFee.getAsLong());
    }

    /** The factor fees are scaled by: the largest of local, remote and cluster (getLoadFactor). */
    public long loadFactor() {
        return Math.max(localFee(), Math.max(remoteFee(), clusterFee()));
    }
}
