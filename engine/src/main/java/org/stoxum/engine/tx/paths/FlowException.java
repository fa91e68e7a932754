package org.stoxum.engine.tx.paths;

import org.stoxum.codec.binary.TER;

/** Ends the evaluation of a strand with a result code (rippled's {@code FlowException}). */
public final class FlowException extends RuntimeException {
    private final transient TER ter;

    public FlowException(TER ter, String message) {
        super(message, null, false, false);
        this.ter = ter;
    }

    public FlowException(TER ter) {
        this(ter, ter.message());
    }

    public TER ter() {
        return ter;
    }
}
