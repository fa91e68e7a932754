package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;

/**
 * The Debian package the build made, installed on this machine for real by {@code packaging/test-install}:
 * dpkg -i, the unit verified by systemd-analyze, the unit's ExecStart run as the stoxumd user (PID 1 need
 * not be systemd), server_info answered, SIGTERM, purge, then a second install over the existing user.
 * It changes the machine, so it runs only as root, with dpkg, where no stoxumd package is installed.
 */
class PackageInstallIT {
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void thePackageInstallsStartsStopsAndPurgesCleanly() throws Exception {
        String why = unavailableBecause();
        if (why != null) {
            Privileged.unavailable("PackageInstallIT", why);
        }
        Path script = Path.of(System.getProperty("stoxum.packaging")).resolve("test-install");
        Path deb = newestDeb();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), deb.toString()).redirectErrorStream(true);
        // Ports nothing else uses, so the test runs beside other servers (51232 may be taken).
        pb.environment().put("STOXUMD_TEST_RPC_PORT", Integer.toString(TestNodes.freePort()));
        pb.environment().put("STOXUMD_TEST_WS_PORT", Integer.toString(TestNodes.freePort()));
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append("(output lost: ").append(e).append(')');
            }
        });
        reader.start();
        boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(30_000);
        System.out.println(out);
        assertTrue(ended, "test-install ended within " + TIMEOUT_SECONDS + " s:\n" + out);
        assertEquals(0, p.exitValue(), "test-install passed:\n" + out);
        assertTrue(out.toString().contains(" 0 failed"), out.toString());
        assertTrue(out.toString().contains("ok   systemd-analyze verify accepts the installed unit"), out.toString());
        assertTrue(out.toString().contains("ok   the server answers server_info"), out.toString());
    }

    /** Null when the package can be installed here, else why not. */
    private static String unavailableBecause() throws IOException, InterruptedException {
        if (!Privileged.root()) {
            return "installing a package needs root";
        }
        for (String tool : List.of("dpkg", "dpkg-query", "runuser", "pgrep", "systemd-analyze")) {
            if (run("sh", "-c", "command -v " + tool) != 0) {
                return tool + " is missing";
            }
        }
        if (run("sh", "-c", "dpkg-query -W -f='${Status}' stoxumd 2>/dev/null | grep -q installed") == 0) {
            return "a stoxumd package is installed on this machine, and this test would purge it";
        }
        return null;
    }

    private static Path newestDeb() throws IOException {
        Path target = Path.of(System.getProperty("stoxum.build.dir"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("stoxumd_.*_all\\.deb"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no .deb in " + target + ": the deb profile builds it "
                            + "where /usr/bin/dpkg-deb exists"));
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
