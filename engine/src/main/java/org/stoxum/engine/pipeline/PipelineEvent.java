package org.stoxum.engine.pipeline;

/**
 * One slot of the ring. Slots are preallocated and reused, so publishing allocates nothing of its own;
 * every field is overwritten by the publishing translator and read by the stages in order.
 */
public final class PipelineEvent {
    /** A signed transaction to decode, verify and apply. */
    public static final int SUBMIT = 1;
    /** A command for the single writer (ledger close, a read that must see the open ledger in order). */
    public static final int COMMAND = 2;
    /** A peer's signed proposal: verified among the transactions, then delivered to consensus. */
    public static final int PROPOSAL = 3;
    /** A peer's signed validation: verified among the transactions, then delivered to consensus. */
    public static final int VALIDATION = 4;

    /** Signature not checked (yet). */
    public static final int UNCHECKED = 0;
    /** Signature checked and good, here or by a trusted cluster member. */
    public static final int GOOD = 1;
    /** Signature checked and bad. */
    public static final int BAD = 2;

    int kind;
    byte[] blob;
    Object source;
    Object command;
    PeerSignedMessage message;
    PipelineCallback callback;
    long publishedNanos;

    Object decoded;
    String failure;
    int verdict;

    void clear() {
        blob = null;
        source = null;
        command = null;
        message = null;
        callback = null;
        decoded = null;
        failure = null;
        verdict = UNCHECKED;
    }

    public int kind() {
        return kind;
    }

    /** The transaction bytes as received (SUBMIT only). */
    public byte[] blob() {
        return blob;
    }

    /** Who sent it: an API client, a peer, a cluster member (opaque to the pipeline). */
    public Object source() {
        return source;
    }

    /** The writer command (COMMAND only). */
    public Object command() {
        return command;
    }

    /** The proposal or validation (PROPOSAL and VALIDATION only). */
    public PeerSignedMessage message() {
        return message;
    }

    /** True for a peer's proposal or validation. */
    boolean isPeerMessage() {
        return kind == PROPOSAL || kind == VALIDATION;
    }

    /** Where the outcome goes; may be null for fire-and-forget work. */
    public PipelineCallback callback() {
        return callback;
    }

    /** When the event was published, for latency accounting. */
    public long publishedNanos() {
        return publishedNanos;
    }

    /** What the decode stage made of the blob, or null when it failed. */
    public Object decoded() {
        return decoded;
    }

    public void decoded(Object value) {
        this.decoded = value;
    }

    /** Why decoding failed (null when it did not). */
    public String failure() {
        return failure;
    }

    public void fail(String reason) {
        this.failure = reason;
    }

    /** One of {@link #UNCHECKED}, {@link #GOOD}, {@link #BAD}. */
    public int verdict() {
        return verdict;
    }

    public void verdict(int value) {
        this.verdict = value;
    }
}
