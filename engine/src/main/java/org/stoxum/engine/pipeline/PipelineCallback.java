package org.stoxum.engine.pipeline;

/** Receives the outcome of an event once the writer has dealt with it (on the writer's thread). */
@FunctionalInterface
public interface PipelineCallback {
    void complete(Object outcome);
}
