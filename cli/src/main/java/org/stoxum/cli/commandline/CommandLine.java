package org.stoxum.cli.commandline;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.stoxum.engine.app.LogLevels.Severity;

/**
 * What {@code stoxumd [options] [<command> <params>...]} asked for, checked and immutable. Settings
 * here override the config file where both speak ({@code --quorum}, {@code --rpc_ip},
 * {@code --rpc_port}); the rest is for start-up and logging.
 *
 * @param action          run the server, act as a client, or just print help or the version
 * @param conf            {@code --conf}: the config file
 * @param standalone      {@code -a}: no peers, ledgers advance only by {@code ledger_accept}
 * @param quiet           {@code -q}: log only fatal messages, no "Loading" line
 * @param silent          {@code --silent}: quiet, and no console output after start-up
 * @param verbose         {@code -v}: log everything
 * @param debug           {@code --debug}: also write normally suppressed debug logging
 * @param foreground      {@code --fg}: no watchdog process
 * @param startUp         where the first ledger comes from
 * @param startLedger     {@code --ledger} (hash, sequence or {@code latest}) or {@code --ledgerfile} path
 * @param startValid      {@code --valid}: treat the first ledger as validated
 * @param quorum          {@code --quorum}: minimum validation quorum, overriding the computed one
 * @param rpcIp           {@code --rpc_ip}: client mode's server address
 * @param rpcPort         {@code --rpc_port}: client mode's server port
 * @param importNodeStore {@code --import}: copy {@code [import_db]} into {@code [node_db]} first
 * @param validateShards  {@code --shards}: validate the shard store at start-up
 * @param parameters      the positional words: the client command and its arguments
 */
public record CommandLine(Action action, Optional<String> conf, boolean standalone, boolean quiet, boolean silent,
                          boolean verbose, boolean debug, boolean foreground, StartUp startUp,
                          Optional<String> startLedger, boolean startValid, OptionalLong quorum,
                          Optional<Inet4Address> rpcIp, OptionalInt rpcPort, boolean importNodeStore,
                          boolean validateShards, List<String> parameters) {

    /** What the process does with this command line. */
    public enum Action {
        /** Print the options and client commands, exit 0. */
        HELP,
        /** Print the version, exit 0. */
        VERSION,
        /** Run the server. */
        SERVER,
        /** Send {@link #parameters()} as one request to a running server. */
        CLIENT
    }

    public CommandLine {
        parameters = List.copyOf(parameters);
    }

    /** True when the config should be read quietly ({@code -q} or {@code --silent}). */
    public boolean quietOrSilent() {
        return quiet || silent;
    }

    /** The log threshold: fatal with {@code -q}, trace with {@code -v}, info otherwise. */
    public Severity logThreshold() {
        if (quiet) {
            return Severity.FATAL;
        }
        return verbose ? Severity.TRACE : Severity.INFO;
    }
}
