package org.stoxum.cli.commandline;

/**
 * A command line that cannot be run: the message for stderr and the process exit status stoxumd
 * gives for the same mistake (1 for syntax errors, 255 where stoxumd returns -1 from main).
 */
public final class CommandLineException extends RuntimeException {
    /** Exit status of a syntax error (an unknown option, a missing or malformed option value). */
    public static final int SYNTAX = 1;

    /** Exit status of an option value that parses but is not allowed (stoxumd returns -1). */
    public static final int INVALID = 255;

    private final int exitStatus;

    public CommandLineException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    /** What the process should exit with. */
    public int exitStatus() {
        return exitStatus;
    }
}
