package org.stoxum.cli.validatorkeys;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stoxum.cli.Main;
import org.stoxum.cli.logging.LogbackLogs;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.LogLevels.Severity;

/**
 * {@code validator-keys}: makes and manages a validator's master key, offline, and the tokens and revocation
 * that go into the server's config.
 *
 * <pre>
 * validator-keys [--keyfile FILE] [--profile stoxum|ripple] create_keys | create_token | revoke_keys | sign DATA
 * </pre>
 *
 * <p>The key file defaults to {@code $HOME/.stoxum/validator-keys.json} ({@code $HOME/.ripple/...} with
 * {@code --profile ripple}, the upstream tool's place; the current directory stands in for an unset
 * {@code HOME}). Keys are printed and stored in the profile's base58 alphabet; tokens and revocations are
 * the same in both. Exit status 0 on success, 1 with a message on stderr otherwise.
 */
public final class ValidatorKeysMain {
    /** The name of the key file in its default directory. */
    static final String KEY_FILE_NAME = "validator-keys.json";

    private ValidatorKeysMain() {
    }

    public static void main(String[] args) {
        // A console tool: the library's start-up notes (which secp256k1 backend loaded) are not for its user.
        LogbackLogs.install(Severity.WARNING);
        int status = run(List.of(args), System.out, System.err, System.getenv(), Path.of("").toAbsolutePath());
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the tool.
     *
     * @param env the environment ({@code HOME} gives the default key file)
     * @param cwd the directory used when {@code HOME} is unset
     * @return the exit status
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (ToolException e) {
            err.println("validator-keys: " + e.getMessage());
            err.println("Use '--help' for a list of options.");
            return 1;
        }
        if (a.version) {
            out.println("validator-keys version " + Main.VERSION);
            return 0;
        }
        if (a.help) {
            out.print(help(defaultKeyFile(a.profile, env, cwd)));
            return 0;
        }
        if (a.command == null) {
            err.print(help(defaultKeyFile(a.profile, env, cwd)));
            err.println("validator-keys: no command given");
            return 1;
        }
        Path keyFile = a.keyFile != null ? Path.of(a.keyFile) : defaultKeyFile(a.profile, env, cwd);
        try {
            runCommand(a.command, a.arguments, new ValidatorKeysTool(keyFile, a.profile, out));
            return 0;
        } catch (ToolException e) {
            out.flush();
            err.println(e.getMessage());
            return 1;
        }
    }

    private static void runCommand(String command, List<String> args, ValidatorKeysTool tool) {
        int expected = switch (command) {
            case "create_keys", "create_token", "revoke_keys" -> 0;
            case "sign" -> 1;
            default -> throw new ToolException("Unknown command: " + command);
        };
        if (args.size() != expected) {
            throw new ToolException("Syntax error: Wrong number of arguments");
        }
        switch (command) {
            case "create_keys" -> tool.createKeys();
            case "create_token" -> tool.createToken();
            case "revoke_keys" -> tool.revokeKeys();
            default -> tool.sign(args.get(0));
        }
    }

    static Path defaultKeyFile(NetworkProfile profile, Map<String, String> env, Path cwd) {
        String home = env.getOrDefault("HOME", "");
        Path base = home.isEmpty() ? cwd : Path.of(home);
        return base.resolve("." + profile.configName()).resolve(KEY_FILE_NAME);
    }

    static String help(Path defaultKeyFile) {
        return "validator-keys [options] <command> [<argument> ...]\n"
                + "Options:\n"
                + "  -h [ --help ]           Display this message.\n"
                + "  --keyfile FILE          Specify the key file (default " + defaultKeyFile + ").\n"
                + "  --profile stoxum|ripple Network whose base58 alphabet keys use (default stoxum).\n"
                + "  --version               Display the build version.\n"
                + "\n"
                + "Commands: \n"
                + "     create_keys        Generate validator keys.\n"
                + "     create_token       Generate validator token.\n"
                + "     revoke_keys        Revoke validator keys.\n"
                + "     sign <data>        Sign string with validator key.\n";
    }

    /** The command line: options anywhere, {@code --} ends them, the first operand is the command. */
    static final class Arguments {
        boolean help;
        boolean version;
        String keyFile;
        NetworkProfile profile = NetworkProfile.STOXUM;
        private boolean profileSeen;
        String command;
        final List<String> arguments = new ArrayList<>();

        static Arguments parse(List<String> args) {
            Arguments a = new Arguments();
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                    a.operand(arg);
                    continue;
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--" -> optionsEnded = true;
                    case "-h", "--help" -> a.help = true;
                    case "--version" -> a.version = true;
                    case "--keyfile", "--profile" -> {
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new ToolException("option '" + name + "' needs a value");
                            }
                            value = args.get(++i);
                        }
                        a.option(name, value);
                    }
                    default -> throw new ToolException("unknown option '" + arg + "'");
                }
            }
            return a;
        }

        private void option(String name, String value) {
            if (name.equals("--keyfile")) {
                if (keyFile != null) {
                    throw new ToolException("option '--keyfile' cannot be specified more than once");
                }
                if (value.isEmpty()) {
                    throw new ToolException("option '--keyfile' needs a file name");
                }
                keyFile = value;
                return;
            }
            if (profileSeen) {
                throw new ToolException("option '--profile' cannot be specified more than once");
            }
            profileSeen = true;
            profile = switch (value.toLowerCase(Locale.ROOT)) {
                case "stoxum" -> NetworkProfile.STOXUM;
                case "ripple" -> NetworkProfile.RIPPLE;
                default -> throw new ToolException("option '--profile' takes 'stoxum' or 'ripple', not '" + value + "'");
            };
        }

        private void operand(String arg) {
            if (command == null) {
                command = arg;
            } else {
                arguments.add(arg);
            }
        }
    }
}
