package org.stoxum.cli.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the package phase left in cli/target: the distribution tree, its tarball and the Debian package.
 * Failsafe passes the build's coordinates as system properties; without them these tests have nothing to
 * look at, so they fail rather than pass vacuously.
 */
final class BuiltDistribution {
    static final String VERSION = property("stoxum.version");
    static final Path BUILD_DIR = Path.of(property("stoxum.build.dir"));
    static final Path PACKAGING = Path.of(property("stoxum.packaging"));

    /** Where the deb profile of cli/pom.xml looks for dpkg-deb: when it is there, a .deb must have been built. */
    static final Path DPKG_DEB = Path.of("/usr/bin/dpkg-deb");

    /** Long enough for a cold JVM on a busy two-core machine; only a hang reaches it. */
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private BuiltDistribution() {
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run these tests through the cli module's "
                    + "failsafe execution (mvn verify)");
        }
        return value;
    }

    static Path tree() {
        return BUILD_DIR.resolve("stoxumd-" + VERSION);
    }

    static Path tarball() {
        return BUILD_DIR.resolve("stoxumd-" + VERSION + ".tar.gz");
    }

    /** The Maven version as Debian spells it: a -SNAPSHOT becomes ~SNAPSHOT, which sorts before the release. */
    static String debianVersion() {
        return VERSION.replace('-', '~');
    }

    static Path debFile() {
        return BUILD_DIR.resolve("stoxumd_" + debianVersion() + "_all.deb");
    }

    static Path cliJar() {
        return BUILD_DIR.resolve("cli-" + VERSION + ".jar");
    }

    /** The runtime class path the build resolved (dependency:build-classpath). */
    static List<Path> runtimeClasspath() throws IOException {
        String text = Files.readString(BUILD_DIR.resolve("classpath.txt")).trim();
        return Arrays.stream(text.split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** rwxr-xr-x and the like. */
    static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    /** The test's own Java, for launchers that look at JAVA_HOME. */
    static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    /** One finished command: its exit status and its stdout and stderr together. */
    record Result(int status, String output) {
    }

    /**
     * A process in {@code dir} with this process's environment less the launcher's own variables
     * (JAVA_HOME, STOXUMD_JAVA_OPTS), plus {@code env}, so the launcher's inputs come from the test alone.
     */
    static ProcessBuilder process(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("STOXUMD_JAVA_OPTS");
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs a command to its end (see {@link #process}). */
    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("stoxumd-dist-run", ".log");
        try {
            Process p = process(dir, env, List.of(command)).redirectOutput(log.toFile()).start();
            if (!p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish:\n"
                        + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs a command that must succeed and returns its output. */
    static String output(Path dir, String... command) throws IOException, InterruptedException {
        Result r = run(dir, Map.of(), command);
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + r.status() + ":\n"
                    + r.output());
        }
        return r.output();
    }
}
