package org.stoxum.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.cli.Main;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.server.TestNodes;

/**
 * The package as an operator gets it, without touching the system: extracted with {@code dpkg -x} into a
 * temporary root, its unit's ExecStart is run from there in stand-alone mode with the packaged config
 * (data and log directories and ports moved to temporary ones), answers server_info over HTTP and through
 * its own client mode, and stops cleanly on SIGTERM. packaging/test-install does the real install as root.
 */
class ExtractedPackageServerIT {
    private static final long START_TIMEOUT_MILLIS = 120_000;

    @Test
    void theExtractedPackageStartsAnswersAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(BuiltDistribution.debFile()), "no .deb was built on this machine");
        Path root = dir.resolve("root");
        BuiltDistribution.output(dir, "dpkg", "-x", BuiltDistribution.debFile().toString(), root.toString());

        SystemdUnit unit = SystemdUnit.parse(Files.readString(root.resolve("lib/systemd/system/stoxumd.service")));
        List<String> command = new ArrayList<>();
        for (String word : unit.value("Service", "ExecStart").orElseThrow().split(" ")) {
            command.add(word.startsWith("/opt/stoxum/") ? root + word : word);
        }
        int conf = command.indexOf("--conf") + 1;
        Path cfg = dir.resolve("stoxumd.cfg");
        int rpcPort = writeLocalConfig(Path.of(command.get(conf)), cfg, dir);
        command.set(conf, cfg.toString());
        command.add("--standalone"); // no peers, no time servers, no validator sites: nothing leaves this host

        Path log = dir.resolve("server.log");
        Process server = BuiltDistribution.process(dir, BuiltDistribution.javaHome(), command)
                .redirectOutput(log.toFile()).start();
        try {
            JsonNode info = awaitServerInfo(new JsonRpcClient("127.0.0.1", rpcPort), server, log);
            assertEquals(Main.VERSION, info.get("info").get("build_version").asText(), info.toString());
            assertTrue(Files.isDirectory(dir.resolve("data/db/lmdb")), "the node store is not where the config says");

            BuiltDistribution.Result client = BuiltDistribution.run(dir, BuiltDistribution.javaHome(),
                    root.resolve("opt/stoxum/bin/stoxumd").toString(), "--conf", cfg.toString(), "server_info");
            assertEquals(0, client.status(), client.output());
            assertTrue(client.output().contains("\"build_version\" : \"" + Main.VERSION + "\""), client.output());

            server.destroy(); // SIGTERM, as systemd stops a service
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server ignored SIGTERM:\n" + Files.readString(log));
            // The packaged config's [rpc_startup] lowers the log to warnings, so the INFO "stoxumd stopped"
            // line is not there to read: exit status 0 comes only after the node store has been closed.
            assertEquals(0, server.exitValue(), "a clean stop on SIGTERM exits 0:\n" + Files.readString(log));
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The packaged config with /var/opt/stoxum and /var/log/stoxum moved under {@code dir} and every port
     * replaced by a free one; returns the first port, the JSON-RPC one client mode uses.
     */
    private static int writeLocalConfig(Path packaged, Path cfg, Path dir) throws IOException {
        String text = Files.readString(packaged)
                .replace("/var/opt/stoxum", dir.resolve("data").toString())
                .replace("/var/log/stoxum", dir.resolve("log").toString());
        Matcher m = Pattern.compile("(?m)^port = \\d+$").matcher(text);
        StringBuilder out = new StringBuilder();
        List<Integer> ports = new ArrayList<>();
        while (m.find()) {
            int port = TestNodes.freePort();
            ports.add(port);
            m.appendReplacement(out, "port = " + port);
        }
        m.appendTail(out);
        assertTrue(ports.size() >= 2, "the packaged config has an RPC and a WebSocket port");
        Files.writeString(cfg, out.toString());
        return ports.get(0);
    }

    private static JsonNode awaitServerInfo(JsonRpcClient client, Process server, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                return client.call("server_info", null);
            } catch (RpcClientException e) {
                if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                    fail("the server did not come up:\n" + Files.readString(log));
                }
                Thread.sleep(250);
            }
        }
    }
}
