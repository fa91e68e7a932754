package org.stoxum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.stoxum.cli.client.JsonRpcClient;
import org.stoxum.cli.client.NoServerAnsweredException;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.cli.client.RpcTransportException;
import org.stoxum.cli.commandline.ClientCommandParser;
import org.stoxum.cli.commandline.ClientRequest;
import org.stoxum.cli.commandline.ClientTarget;
import org.stoxum.cli.commandline.CommandLine;
import org.stoxum.cli.commandline.CommandLineException;
import org.stoxum.cli.commandline.CommandLineParser;
import org.stoxum.cli.logging.LogbackLogs;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.app.LogLevels.Severity;
import org.stoxum.engine.app.StartupException;
import org.stoxum.engine.config.ConfigEnvironment;
import org.stoxum.engine.config.ConfigException;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.ServerOptions;

/**
 * The {@code stoxumd} command: {@code stoxumd [options]} runs the server (stand-alone with {@code -a});
 * {@code stoxumd [options] <command> [args]} sends one command to a running server and prints its answer
 * as stoxumd's client does, exiting with the answer's error code (0 on success).
 */
public final class Main {
    /** Matches stoxumd's version (BuildInfo), which RPC answers report as {@code build_version}. */
    public static final String VERSION = "0.1.0";

    /** Exit status when no server answered or the exchange failed (the json_rpc error's number). */
    static final int NO_ANSWER = RpcError.JSON_RPC.code();

    private final PrintStream out;
    private final PrintStream err;
    private final ConfigEnvironment env;

    Main(PrintStream out, PrintStream err, ConfigEnvironment env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int status = new Main(System.out, System.err, ConfigEnvironment.system()).run(args);
        System.exit(status);
    }

    /** Runs the command line and returns the process exit status. */
    int run(String[] args) {
        CommandLine cl;
        try {
            cl = CommandLineParser.parse(args);
        } catch (CommandLineException e) {
            err.println("stoxumd: " + e.getMessage());
            return e.exitStatus();
        }
        return switch (cl.action()) {
            case HELP -> {
                out.print(CommandLineParser.usage());
                yield 0;
            }
            case VERSION -> {
                out.println("rippled version " + VERSION);
                yield 0;
            }
            case SERVER -> server(cl);
            case CLIENT -> client(cl);
        };
    }

    // ------------------------------------------------------------------ server mode

    private int server(CommandLine cl) {
        LogbackLogs logs = configureLogging(cl.logThreshold());
        NodeConfig config;
        try {
            config = NodeConfigLoader.load(cl.conf(), cl.standalone(), env);
        } catch (ConfigException e) {
            err.println("stoxumd: " + e.getMessage());
            return CommandLineException.INVALID;
        }
        Severity threshold = cl.logThreshold();
        if (config.debugLogfile().isPresent()) {
            Path file = config.debugLogfile().get();
            if (!logs.logTo(file)) {
                err.println("stoxumd: cannot open the log file " + file);
            }
            // As stoxumd: a log file gets debug lines, so the threshold drops to debug (even with -q).
            threshold = threshold.compareTo(Severity.DEBUG) > 0 ? Severity.DEBUG : threshold;
            logs.base(threshold);
        }
        Application app;
        try {
            app = Application.start(config, ledgerStart(cl), threshold, ServerOptions.defaults(),
                    cl.quorum().isPresent() ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE,
                            cl.quorum().getAsLong())) : OptionalInt.empty());
        } catch (StartupException | IllegalArgumentException e) {
            err.println("stoxumd: " + e.getMessage());
            return CommandLineException.INVALID;
        } catch (java.io.IOException e) {
            err.println("stoxumd: cannot open the API ports: " + e.getMessage());
            return CommandLineException.INVALID;
        }
        app.logLevels().attach(logs);
        if (cl.silent()) {
            logs.silence();
        }
        // SIGTERM and SIGINT ask for the same clean stop as the stop command, and the process then exits 0
        // (as systemd and operators expect); the hook still closes the node on any other way out.
        stopOnSignal(app, "TERM");
        stopOnSignal(app, "INT");
        Thread hook = new Thread(app::close, "stoxumd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            app.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (SIGTERM): the hook is running
        }
        return app.exitStatus();
    }

    @SuppressWarnings("removal")
    private void stopOnSignal(Application app, String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), sig -> {
                err.println("stoxumd: SIG" + signal + " received, stopping");
                app.close();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The platform does not let us catch it: the shutdown hook closes the node instead.
        }
    }

    /** Where the first ledger comes from, as the start-up options chose. */
    static LedgerStart ledgerStart(CommandLine cl) {
        return switch (cl.startUp()) {
            case FRESH -> new LedgerStart.Genesis(true);
            case NORMAL, NETWORK -> new LedgerStart.Genesis(false);
            case LOAD -> new LedgerStart.Load(cl.startLedger().orElse("latest"));
            case LOAD_FILE -> new LedgerStart.LoadFile(Path.of(cl.startLedger().orElseThrow()));
            case REPLAY -> throw new StartupException("--replay is not supported by this server yet");
        };
    }

    /** The log goes to stderr at {@code threshold} until the config names a file as well. */
    private static LogbackLogs configureLogging(Severity threshold) {
        return LogbackLogs.install(threshold);
    }

    // ------------------------------------------------------------------ client mode

    private int client(CommandLine cl) {
        configureLogging(Severity.ERROR);
        NodeConfig config = clientConfig(cl);
        NetworkProfile profile = config == null ? NetworkProfile.DEFAULT : config.networkProfile();
        ClientRequest request = new ClientCommandParser(profile).parse(cl.parameters());
        if (request instanceof ClientRequest.Failure f) {
            if (f.exitStatus() == RpcError.BAD_SYNTAX.code() && isBareSyntaxError(f.answer())) {
                err.print(CommandLineParser.usage());
                return f.exitStatus();
            }
            out.print(StyledJson.write(f.answer()));
            return f.exitStatus();
        }
        ClientRequest.Call call = (ClientRequest.Call) request;
        Optional<ClientTarget> target = config == null ? Optional.empty() : ClientTarget.resolve(config, cl);
        if (target.isEmpty()) {
            err.println("stoxumd: no server to talk to: the config names no http port (use --conf, or "
                    + "--rpc_ip and --rpc_port)");
            return NO_ANSWER;
        }
        ClientTarget t = target.get();
        ClientRequest.Call sent = t.authorize(call);
        JsonRpcClient client = new JsonRpcClient(t.host(), t.port(), t.user(), t.password(),
                JsonRpcClient.DEFAULT_TIMEOUT);
        ObjectNode output;
        try {
            JsonNode reply = client.post(sent.body());
            JsonNode result = reply.get("result");
            output = result != null && result.isObject() ? (ObjectNode) result.deepCopy()
                    : transportError(reply.toString());
        } catch (NoServerAnsweredException e) {
            err.println("stoxumd: no server answered at " + e.host() + ":" + e.port()
                    + " (is stoxumd running, and is this its http port?)");
            return NO_ANSWER;
        } catch (RpcTransportException e) {
            output = transportError(e.body());
        } catch (RpcClientException e) {
            err.println("stoxumd: " + e.getMessage());
            return NO_ANSWER;
        }
        int status = 0;
        if (output.has("error")) {
            output.set("rpc", call.rpc());
            output.set("request_sent", sent.request());
            output.put("status", "error");
            status = errorCode(output);
        }
        out.print(StyledJson.write(output));
        return status;
    }

    /** The config the client reads its target from; stoxumd's client goes on without one. */
    private NodeConfig clientConfig(CommandLine cl) {
        try {
            return NodeConfigLoader.load(cl.conf(), false, env);
        } catch (ConfigException e) {
            if (!cl.quietOrSilent()) {
                err.println("stoxumd: " + e.getMessage());
            }
            return null;
        }
    }

    /** The wrong number of words: stoxumd prints the usage instead of an answer. */
    private static boolean isBareSyntaxError(ObjectNode answer) {
        return RpcError.BAD_SYNTAX.token().equals(answer.path("error").asText());
    }

    private static ObjectNode transportError(String body) {
        ObjectNode out = RpcError.JSON_RPC.make();
        out.put("result", body);
        return out;
    }

    /** The exit status of an error answer: its number, or 1 when it has none (as stoxumd's client). */
    private static int errorCode(ObjectNode output) {
        JsonNode code = output.get("error_code");
        if (code == null) {
            code = output.path("error").get("error_code");
        }
        if (code == null) {
            return RpcError.BAD_SYNTAX.code();
        }
        try {
            int n = Integer.parseInt(code.asText().trim()) & 0xFF;
            return n == 0 ? RpcError.BAD_SYNTAX.code() : n;
        } catch (NumberFormatException e) {
            return RpcError.BAD_SYNTAX.code();
        }
    }
}
