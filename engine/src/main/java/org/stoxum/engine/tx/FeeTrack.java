package org.stoxum.engine.tx;

/**
 * The load factors that scale the minimum fee (rippled's {@code LoadFeeTrack}): 256 is normal. The node's
 * load monitor supplies live values; a stand-alone server without load uses {@link #NORMAL}.
 */
public interface FeeTrack {
    /** The factor meaning "no load". */
    long LOAD_BASE = 256;

    /** A track that always reports normal load. */
    FeeTrack NORMAL = new FeeTrack() {
        @Override
        public long localFee() {
            return LOAD_BASE;
        }

        @Override
        public long remoteFee() {
            return LOAD_BASE;
        }

        @Override
        public long clusterFee() {
            return LOAD_BASE;
        }
    };

    long localFee();

    long remoteFee();

    long clusterFee();
}
