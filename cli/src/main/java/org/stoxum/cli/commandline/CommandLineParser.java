package org.stoxum.cli.commandline;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.stoxum.cli.commandline.CommandLine.Action;

/**
 * Reads stoxumd's command line (boost::program_options rules): {@code --name value},
 * {@code --name=value}, an unambiguous prefix of a long name, short flags that may be grouped
 * ({@code -aq}), {@code --} to end options, and every other word a positional parameter. Options and
 * parameters may be mixed. One deliberate difference: a word that is a negative number ({@code -1}) is
 * a parameter, not an unknown option, so {@code account_tx <account> -1 -1} works.
 */
public final class CommandLineParser {
    private static final String PROGRAM = "stoxumd";

    /** How an option takes its value. */
    private enum Arity { FLAG, VALUE, OPTIONAL_VALUE }

    private record Option(String name, char shortName, Arity arity, String argName, String help) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        add("help", 'h', Arity.FLAG, null, "Print this message and exit.");
        add("conf", '\0', Arity.VALUE, "file", "The config file (default: searched as described in the docs).");
        add("rpc", '\0', Arity.FLAG, null, "Act as a client for the command given (the default; has no effect).");
        add("rpc_ip", '\0', Arity.VALUE, "ip", "Client mode: the server's IPv4 address.");
        add("rpc_port", '\0', Arity.VALUE, "port", "Client mode: the server's port.");
        add("standalone", 'a', Arity.FLAG, null, "Run without peers; ledgers close only on ledger_accept.");
        add("unittest", 'u', Arity.OPTIONAL_VALUE, "pattern", "Not available: this server's tests run from its build.");
        add("unittest-arg", '\0', Arity.OPTIONAL_VALUE, "arg", "Not available (see --unittest).");
        add("unittest-log", '\0', Arity.OPTIONAL_VALUE, "arg", "Not available (see --unittest).");
        add("unittest-jobs", '\0', Arity.VALUE, "n", "Not available (see --unittest).");
        add("unittest-child", '\0', Arity.FLAG, null, "Not available (see --unittest).");
        add("parameters", '\0', Arity.VALUE, "word", "A client parameter (normally written without the option).");
        add("quiet", 'q', Arity.FLAG, null, "Log fatal messages only.");
        add("quorum", '\0', Arity.VALUE, "n", "Require at least n trusted validations (overrides the computed quorum).");
        add("silent", '\0', Arity.FLAG, null, "Like --quiet, and print nothing to the console after start-up.");
        add("verbose", 'v', Arity.FLAG, null, "Log everything.");
        add("load", '\0', Arity.FLAG, null, "Start from the latest ledger in the local databases.");
        add("valid", '\0', Arity.FLAG, null, "Treat the first ledger as validated by the network.");
        add("replay", '\0', Arity.FLAG, null, "With --ledger: rebuild that ledger from its parent and its transactions.");
        add("ledger", '\0', Arity.VALUE, "ledger", "Start from this ledger (hash, sequence or 'latest') in the local databases.");
        add("ledgerfile", '\0', Arity.VALUE, "file", "Start from the ledger in this JSON file.");
        add("start", '\0', Arity.FLAG, null, "Start from a new genesis ledger with every supported amendment enabled.");
        add("net", '\0', Arity.FLAG, null, "Start from a genesis ledger, then wait for the network's ledger.");
        add("debug", '\0', Arity.FLAG, null, "Also log the normally suppressed debug messages.");
        add("fg", '\0', Arity.FLAG, null, "Run in the foreground, without a watchdog process.");
        add("import", '\0', Arity.FLAG, null, "Copy the [import_db] node store into [node_db] at start-up.");
        add("shards", '\0', Arity.FLAG, null, "Validate the [shard_db] shard store at start-up.");
        add("version", '\0', Arity.FLAG, null, "Print the version and exit.");
    }

    private static void add(String name, char shortName, Arity arity, String argName, String help) {
        OPTIONS.put(name, new Option(name, shortName, arity, argName, help));
    }

    private CommandLineParser() {
    }

    /**
     * @param args the process arguments
     * @throws CommandLineException for anything stoxumd would refuse, with its exit status
     */
    public static CommandLine parse(String... args) {
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> parameters = new ArrayList<>();
        List<String> words = List.of(args);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                parameters.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (w.startsWith("--")) {
                i = longOption(words, i, seen, parameters);
            } else if (w.startsWith("-") && w.length() > 1 && !isNegativeNumber(w)) {
                i = shortOptions(words, i, seen, parameters);
            } else {
                parameters.add(w);
            }
        }
        return interpret(seen, parameters);
    }

    private static boolean isNegativeNumber(String w) {
        return w.length() > 1 && w.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean takesNext(List<String> words, int i) {
        if (i + 1 >= words.size()) {
            return false;
        }
        String next = words.get(i + 1);
        return !(next.startsWith("-") && next.length() > 1 && !isNegativeNumber(next));
    }

    private static int longOption(List<String> words, int i, Map<String, String> seen, List<String> parameters) {
        String body = words.get(i).substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Option o = resolve(name);
        if (o.arity == Arity.FLAG) {
            if (eq >= 0) {
                throw syntax("option '--" + o.name + "' takes no value");
            }
            record(seen, parameters, o, "");
            return i;
        }
        if (eq >= 0) {
            record(seen, parameters, o, body.substring(eq + 1));
            return i;
        }
        if (o.arity == Arity.OPTIONAL_VALUE) {
            record(seen, parameters, o, "");
            return i;
        }
        if (!takesNext(words, i)) {
            throw syntax("option '--" + o.name + "' needs a value (" + o.argName + ")");
        }
        record(seen, parameters, o, words.get(i + 1));
        return i + 1;
    }

    private static int shortOptions(List<String> words, int i, Map<String, String> seen, List<String> parameters) {
        String w = words.get(i);
        for (int k = 1; k < w.length(); k++) {
            char c = w.charAt(k);
            Option o = OPTIONS.values().stream().filter(x -> x.shortName == c).findFirst()
                    .orElseThrow(() -> syntax("unknown option '-" + c + "'"));
            if (o.arity == Arity.FLAG) {
                record(seen, parameters, o, "");
                continue;
            }
            // Only -u takes a value among the short options; it is refused below whatever the value.
            record(seen, parameters, o, w.substring(k + 1));
            return i;
        }
        return i;
    }

    /** The option named exactly, or the only one whose name starts with {@code name}. */
    private static Option resolve(String name) {
        Option exact = OPTIONS.get(name);
        if (exact != null) {
            return exact;
        }
        List<Option> matches = OPTIONS.values().stream().filter(o -> o.name.startsWith(name)).toList();
        if (matches.size() == 1 && !name.isEmpty()) {
            return matches.get(0);
        }
        if (matches.size() > 1 && !name.isEmpty()) {
            throw syntax("option '--" + name + "' is ambiguous: it could be "
                    + String.join(", ", matches.stream().map(o -> "--" + o.name).toList()));
        }
        throw syntax("unknown option '--" + name + "'");
    }

    private static void record(Map<String, String> seen, List<String> parameters, Option o, String value) {
        if (o.name.equals("parameters")) {
            parameters.add(value);
            return;
        }
        if (seen.containsKey(o.name)) {
            throw syntax("option '--" + o.name + "' is given more than once");
        }
        seen.put(o.name, value);
    }

    private static CommandLineException syntax(String detail) {
        return new CommandLineException(CommandLineException.SYNTAX,
                PROGRAM + ": " + detail + "\nUse '--help' for a list of options.");
    }

    private static CommandLineException invalid(String message) {
        return new CommandLineException(CommandLineException.INVALID, PROGRAM + ": " + message);
    }

    private static CommandLine interpret(Map<String, String> seen, List<String> parameters) {
        // Typed values are checked while the command line is read, so they are syntax errors.
        OptionalInt rpcPort = seen.containsKey("rpc_port")
                ? OptionalInt.of((int) unsigned(seen.get("rpc_port"), "rpc_port", 65535)) : OptionalInt.empty();
        OptionalLong quorum = seen.containsKey("quorum")
                ? OptionalLong.of(unsigned(seen.get("quorum"), "quorum", Long.MAX_VALUE)) : OptionalLong.empty();
        if (seen.containsKey("unittest-jobs")) {
            unsigned(seen.get("unittest-jobs"), "unittest-jobs", Long.MAX_VALUE);
        }

        Action action;
        if (seen.containsKey("help")) {
            action = Action.HELP;
        } else if (seen.containsKey("version")) {
            action = Action.VERSION;
        } else {
            action = parameters.isEmpty() ? Action.SERVER : Action.CLIENT;
        }
        boolean informational = action == Action.HELP || action == Action.VERSION;
        if (!informational) {
            if (seen.containsKey("unittest")) {
                throw new CommandLineException(CommandLineException.SYNTAX, PROGRAM
                        + ": --unittest is not available: this server has no built-in unit tests; "
                        + "its tests run from the build (mvn verify)");
            }
            for (String helper : List.of("unittest-jobs", "unittest-arg", "unittest-log", "unittest-child")) {
                if (seen.containsKey(helper)) {
                    throw new CommandLineException(CommandLineException.SYNTAX, PROGRAM + ": '--" + helper
                            + "' only makes sense with '--unittest', which is not available");
                }
            }
        }

        StartUp startUp = StartUp.NORMAL;
        Optional<String> startLedger = Optional.empty();
        if (seen.containsKey("start")) {
            startUp = StartUp.FRESH;
        }
        if (seen.containsKey("ledger")) {
            startLedger = Optional.of(seen.get("ledger"));
            startUp = seen.containsKey("replay") ? StartUp.REPLAY : StartUp.LOAD;
        } else if (seen.containsKey("ledgerfile")) {
            startLedger = Optional.of(seen.get("ledgerfile"));
            startUp = StartUp.LOAD_FILE;
        } else if (seen.containsKey("load")) {
            startUp = StartUp.LOAD;
        }
        if (seen.containsKey("net") && !informational) {
            if (startUp == StartUp.LOAD || startUp == StartUp.REPLAY) {
                throw invalid("--net cannot be combined with --load, --ledger or --replay");
            }
            startUp = StartUp.NETWORK;
        }

        Optional<Inet4Address> rpcIp = Optional.empty();
        if (seen.containsKey("rpc_ip") && !informational) {
            rpcIp = Optional.of(ipv4(seen.get("rpc_ip")));
        }
        if (rpcPort.isPresent() && rpcPort.getAsInt() == 0 && !informational) {
            throw invalid("invalid --rpc_port 0");
        }
        if (quorum.isPresent() && quorum.getAsLong() == 0 && !informational) {
            throw invalid("invalid --quorum 0: a quorum is at least 1");
        }

        return new CommandLine(action, Optional.ofNullable(seen.get("conf")), seen.containsKey("standalone"),
                seen.containsKey("quiet"), seen.containsKey("silent"), seen.containsKey("verbose"),
                seen.containsKey("debug"), seen.containsKey("fg"), startUp, startLedger, seen.containsKey("valid"),
                quorum, rpcIp, rpcPort, seen.containsKey("import"), seen.containsKey("shards"), parameters);
    }

    private static long unsigned(String text, String option, long max) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        boolean ok = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (ok) {
            try {
                long n = Long.parseLong(digits);
                if (n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // too large: reported below
            }
        }
        throw syntax("the value '" + text + "' of option '--" + option + "' is not a number from 0 to " + max);
    }

    /** A dotted-quad IPv4 address; a {@code :port} suffix is not accepted (use {@code --rpc_port}). */
    private static Inet4Address ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        byte[] bytes = new byte[4];
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            String p = parts[i];
            ok = !p.isEmpty() && p.length() <= 3 && p.chars().allMatch(c -> c >= '0' && c <= '9')
                    && Integer.parseInt(p) <= 255;
            if (ok) {
                bytes[i] = (byte) Integer.parseInt(p);
            }
        }
        if (!ok) {
            throw invalid("invalid --rpc_ip " + text + ": expected an IPv4 address (give the port with --rpc_port)");
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an IPv4 address", e);
        }
    }

    /** The {@code --help} text: usage, options and the client commands. */
    public static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(PROGRAM).append(" [options] [<command> <params>...]\n\n")
                .append("Without a command, runs the server. With one, sends it to a running server and prints\n")
                .append("the answer (the server's address comes from the first http/https port in the config).\n\n")
                .append("Options:\n");
        for (Option o : OPTIONS.values()) {
            if (o.name.startsWith("unittest") || o.name.equals("parameters")) {
                continue;
            }
            String flag = (o.shortName != '\0' ? "-" + o.shortName + ", " : "    ") + "--" + o.name
                    + (o.arity == Arity.VALUE ? " <" + o.argName + ">" : "");
            sb.append(String.format("  %-26s %s%n", flag, o.help));
        }
        sb.append("\nCommands:\n");
        for (String c : ClientCommandParser.SYNOPSES) {
            sb.append("  ").append(c).append('\n');
        }
        return sb.toString();
    }
}
