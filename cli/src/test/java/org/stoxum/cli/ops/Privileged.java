package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need root (mounting a small volume, installing the package): where the build says such tests
 * must run ({@code -Dstoxum.privileged=required}), one that cannot
 * run fails with the reason; elsewhere it is skipped, and says so on the console, not only in a report.
 */
final class Privileged {
    static final String PROPERTY = "stoxum.privileged";

    private Privileged() {
    }

    /** Whether this process runs as root. */
    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Ends the calling test: a failure when privileged tests are required here, else a loud skip. */
    static void unavailable(String test, String why) {
        String message = test + " cannot run here: " + why;
        if ("required".equals(System.getProperty(PROPERTY))) {
            fail(message + " (" + PROPERTY + "=required)");
        }
        System.err.println("WARNING: SKIPPED " + message + "; set -D" + PROPERTY + "=required to make this a "
                + "failure");
        Assumptions.abort(message);
    }
}
