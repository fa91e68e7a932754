package org.stoxum.engine.pipeline;

/**
 * The work the pipeline runs, kept apart from the threading so a test can drive the stages by hand
 * and the engine can plug in real transaction decoding, signature checks and the open ledger.
 */
public interface PipelineStages {
    /**
     * Parses {@link PipelineEvent#blob()} into {@link PipelineEvent#decoded(Object)} or records a
     * {@link PipelineEvent#fail(String) failure}. Runs on any of the verifier threads, in parallel.
     */
    void decode(PipelineEvent event);

    /**
     * Checks the decoded transaction's signatures and sets the verdict, unless it is already known
     * (a trusted cluster member checked it). Runs in parallel with other events' checks.
     */
    void verify(PipelineEvent event);

    /** Applies a submitted transaction to the open ledger. Runs on the single writer thread only. */
    void apply(PipelineEvent event);

    /** Executes a writer command such as a ledger close. Runs on the single writer thread only. */
    void command(PipelineEvent event);

    /** Called on the writer thread after the last event of a batch, to flush work done in bulk. */
    default void endOfBatch() {
    }
}
