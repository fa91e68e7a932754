package org.stoxum.cli.validatorkeys;

/** A validator-keys failure: its message is printed as is and the tool exits with status 1. */
public final class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
