package org.stoxum.engine.pipeline;

/**
 * A peer's proposal or validation riding the ring (stoxumd queues these as checkPropose / checkValidation
 * jobs). The message carries its own work, so the pipeline stays ignorant of consensus: it is decoded and its
 * signature checked by the verifier threads, between transactions, and delivered by the writer in
 * publication order.
 */
public interface PeerSignedMessage {
    /**
     * Parses what the overlay's I/O thread copied and applies the checks that need the parsed form. Verifier
     * thread.
     *
     * @return false when the message goes no further (malformed, stale, unwanted under load): it notes why,
     *     and {@link #deliver} is then called with {@link PipelineEvent#UNCHECKED}
     */
    boolean decode();

    /** Whether the signature verifies. Verifier thread; skipped when the sender's verdict is trusted. */
    boolean verify();

    /**
     * Hands the message on, or charges its sender. Called on the single writer thread, so it must only hand
     * off (queue the consensus work, charge the peer) and never block.
     *
     * @param verdict {@link PipelineEvent#GOOD}, {@link PipelineEvent#BAD}, or {@link PipelineEvent#UNCHECKED}
     *                when {@link #decode} refused it
     */
    void deliver(int verdict);
}
