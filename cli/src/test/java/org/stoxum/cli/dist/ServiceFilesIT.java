package org.stoxum.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;

/**
 * The systemd unit and the logrotate file of the distribution, checked against each other and against the
 * shipped config: the service may write exactly where the config sends data and log, and the rotation
 * covers that log. This machine runs no systemd, so the unit is parsed here, and verified by
 * {@code systemd-analyze verify} where that tool is installed.
 */
class ServiceFilesIT {
    private static final Path UNIT = BuiltDistribution.tree().resolve("lib/systemd/system/stoxumd.service");
    private static final Path LOGROTATE = BuiltDistribution.tree().resolve("etc/logrotate.d/stoxumd");
    private static final String LAUNCHER = "/opt/stoxum/bin/stoxumd";
    private static final String CONF = "/opt/stoxum/etc/stoxumd.cfg";

    private static SystemdUnit unit() throws IOException {
        return SystemdUnit.parse(Files.readString(UNIT));
    }

    private static NodeConfig shippedConfig() throws IOException {
        Path cfg = BuiltDistribution.tree().resolve("etc/stoxumd.cfg");
        return NodeConfigLoader.parse(cfg.toString(), Files.readString(cfg), Optional.of(cfg), cfg.getParent(),
                Path.of("/nonexistent"), false);
    }

    @Test
    void theServiceRunsTheInstalledServerInTheForegroundAsTheStoxumdUser() throws IOException {
        SystemdUnit unit = unit();
        assertEquals(Optional.of(LAUNCHER + " --fg --conf " + CONF), unit.value("Service", "ExecStart"));
        assertEquals(Optional.of("simple"), unit.value("Service", "Type"));
        assertEquals(Optional.of("stoxumd"), unit.value("Service", "User"));
        assertEquals(Optional.of("stoxumd"), unit.value("Service", "Group"));
        assertEquals(Optional.of("on-failure"), unit.value("Service", "Restart"));
        assertTrue(Long.parseLong(unit.value("Service", "LimitNOFILE").orElseThrow()) >= 65536,
                "the node needs many descriptors (peers, clients, the store)");
        assertEquals(Optional.of("multi-user.target"), unit.value("Install", "WantedBy"));
        // The JVM leaves with 143 after a clean shutdown on SIGTERM; that stop must not count as a failure.
        assertTrue(unit.successStatuses().contains(143), "SuccessExitStatus lacks 143");
    }

    @Test
    void theHardenedServiceMayWriteWhereTheShippedConfigPutsDataAndLog() throws IOException {
        SystemdUnit unit = unit();
        assertEquals(Optional.of("strict"), unit.value("Service", "ProtectSystem"));
        assertEquals(Optional.of("yes"), unit.value("Service", "NoNewPrivileges"));
        List<Path> writable = unit.words("Service", "ReadWritePaths").stream().map(Path::of).toList();
        NodeConfig config = shippedConfig();
        List<Path> written = List.of(config.nodeDb().path(), config.databasePath().orElseThrow(),
                config.debugLogfile().orElseThrow());
        for (Path p : written) {
            assertTrue(writable.stream().anyMatch(p::startsWith), p + " is outside ReadWritePaths " + writable);
        }
    }

    @Test
    void systemdAcceptsTheUnitWithoutAWarning(@TempDir Path dir) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: the unit is only parsed");
        // verify also checks that ExecStart is executable: point it at the unpacked launcher.
        String text = Files.readString(UNIT).replace(LAUNCHER,
                BuiltDistribution.tree().resolve("bin/stoxumd").toString());
        Path copy = Files.writeString(dir.resolve("stoxumd.service"), text);
        BuiltDistribution.Result r = BuiltDistribution.run(dir, Map.of(), analyze.toString(), "verify",
                "--man=no", copy.toString());
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.output().strip(), "systemd-analyze complained");
    }

    @Test
    void logrotateRotatesTheConfiguredLogAndHasTheServerReopenIt() throws IOException {
        String text = Files.readString(LOGROTATE);
        Path log = shippedConfig().debugLogfile().orElseThrow();
        String glob = log.getParent() + "/*.log";
        assertTrue(text.contains(glob + " {"), "the rotation does not cover " + log);
        assertTrue(text.matches("(?s).*\\n\\s*su stoxumd adm\\n.*"), "rotation must run as the log's owner");
        assertTrue(text.matches("(?s).*\\n\\s*nocreate\\n.*"), "the server, not logrotate, makes the new file");
        String postrotate = text.substring(text.indexOf("postrotate") + "postrotate".length(),
                text.indexOf("endscript"));
        assertTrue(postrotate.contains(LAUNCHER + " --conf " + CONF + " -q logrotate"), postrotate);
        assertEquals(text.chars().filter(c -> c == '{').count(), text.chars().filter(c -> c == '}').count());
    }
}
