package org.stoxum.cli.dist;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.network.NetworkScenario;
import org.stoxum.cli.network.TestNetwork;

/**
 * The network as operators run it: the built distribution's {@code bin/validator-keys} makes three
 * validators' keys and tokens, each node is a {@code bin/stoxumd} process started from its own config file
 * (validators with {@code --start}, the stock server too, the late server with neither), and
 * {@link NetworkScenario} checks that they validate the same ledgers and that the late server catches up.
 */
class NetworkProcessesIT {
    private static final long START_TIMEOUT_MILLIS = 120_000;
    private final List<Process> processes = new ArrayList<>();

    @Test
    void threeValidatorProcessesAndAStockServerValidateTogether(@TempDir Path tools) throws Exception {
        List<TestNetwork.Validator> validators = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            validators.add(makeValidator(tools.resolve("validator-" + i + ".json")));
        }
        try (TestNetwork net = new TestNetwork(validators, 2)) {
            List<TestNetwork.Node> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(launch(net, i, "--start"));
            }
            try {
                NetworkScenario.run(nodes, () -> launch(net, 4));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + logTails(net), e);
            }
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    fail("a node did not stop cleanly on SIGTERM");
                }
            }
        }
    }

    /** Keys and a token from the validator-keys tool, as an operator makes them. */
    private static TestNetwork.Validator makeValidator(Path keyFile) throws Exception {
        Path bin = BuiltDistribution.tree().resolve("bin/validator-keys");
        BuiltDistribution.output(keyFile.getParent(), bin.toString(), "--keyfile", keyFile.toString(), "create_keys");
        String out = BuiltDistribution.output(keyFile.getParent(), bin.toString(), "--keyfile", keyFile.toString(),
                "create_token");
        List<String> lines = new ArrayList<>();
        boolean inToken = false;
        for (String line : out.split("\n")) {
            if (line.equals("[validator_token]")) {
                inToken = true;
            } else if (inToken && !line.isBlank()) {
                lines.add(line.trim());
            } else if (inToken) {
                break;
            }
        }
        JsonNode keys = new ObjectMapper().readTree(keyFile.toFile());
        return new TestNetwork.Validator(keys.path("public_key").asText(), lines);
    }

    private TestNetwork.Node launch(TestNetwork net, int i, String... flags) throws Exception {
        Path cfg = net.writeConfig(i);
        TestNetwork.Spec spec = net.specs().get(i);
        List<String> command = new ArrayList<>(List.of(BuiltDistribution.tree().resolve("bin/stoxumd").toString(),
                "--conf", cfg.toString()));
        command.addAll(List.of(flags));
        Path log = spec.dir.resolve("server.log");
        Process p = BuiltDistribution.process(spec.dir, BuiltDistribution.javaHome(), command)
                .redirectOutput(log.toFile()).start();
        processes.add(p);
        awaitAnswer(new JsonRpcClient("127.0.0.1", spec.rpcPort), p, log);
        return new TestNetwork.Node(spec, null);
    }

    /** What each node logged about its ledgers and state, so a failure on CI can be read without the files. */
    private static String logTails(TestNetwork net) {
        StringBuilder out = new StringBuilder();
        for (TestNetwork.Spec spec : net.specs()) {
            Path log = spec.dir.resolve("server.log");
            out.append("\n---- ").append(log).append('\n');
            try {
                List<String> lines = Files.readAllLines(log).stream()
                        .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("STATE->")
                                || l.contains("validated") || l.contains("accepted") || l.contains("switch")
                                || l.contains("acquir") || l.contains("started"))
                        .toList();
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("(no log: ").append(e).append(")\n");
            }
        }
        return out.toString();
    }

    private static void awaitAnswer(JsonRpcClient client, Process server, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            try {
                client.call("server_info", null);
                return;
            } catch (RpcClientException e) {
                if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                    fail("the server did not come up:\n" + Files.readString(log));
                }
                Thread.sleep(250);
            }
        }
    }

    @AfterEach
    void killLeftovers() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
