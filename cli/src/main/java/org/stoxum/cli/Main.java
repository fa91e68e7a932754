package org.stoxum.cli;

import org.stoxum.codec.NetworkProfile;

/** The {@code stoxumd} command: runs the server or, given a command, acts as its client. */
public final class Main {
    /** Matches stoxumd's version (BuildInfo), which RPC answers report as {@code build_version}. */
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--version")) {
                System.out.println("stoxumd version " + VERSION);
                return;
            }
        }
        System.out.println("stoxumd version " + VERSION + " (Java), network profile "
                + NetworkProfile.DEFAULT.configName());
        System.err.println("stoxumd: the server is not built yet: this checkout has the codec foundation; "
                + "the stand-alone server lands with its own issue.");
        System.exit(1);
    }
}
