package org.stoxum.cli.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stoxum.cli.commandline.CommandLine.Action;
import org.stoxum.engine.app.LogLevels.Severity;

/** stoxumd's options (Main.cpp) read with boost::program_options' rules. */
class CommandLineParserTest {

    private static CommandLineException refused(String... args) {
        return assertThrows(CommandLineException.class, () -> CommandLineParser.parse(args));
    }

    @Test
    void noArgumentsRunsTheServerWithDefaults() {
        CommandLine c = CommandLineParser.parse();
        assertEquals(Action.SERVER, c.action());
        assertEquals(StartUp.NORMAL, c.startUp());
        assertEquals(Optional.empty(), c.conf());
        assertFalse(c.standalone());
        assertEquals(Severity.INFO, c.logThreshold());
        assertTrue(c.parameters().isEmpty());
    }

    @Test
    void serverOptions() {
        CommandLine c = CommandLineParser.parse("--conf", "/etc/x.cfg", "-a", "--start", "--fg", "--debug", "--valid",
                "--quorum=3", "--import", "--shards", "--silent");
        assertEquals(Action.SERVER, c.action());
        assertEquals(Optional.of("/etc/x.cfg"), c.conf());
        assertTrue(c.standalone());
        assertEquals(StartUp.FRESH, c.startUp());
        assertTrue(c.foreground());
        assertTrue(c.debug());
        assertTrue(c.startValid());
        assertEquals(3, c.quorum().getAsLong());
        assertTrue(c.importNodeStore());
        assertTrue(c.validateShards());
        assertTrue(c.silent());
        assertTrue(c.quietOrSilent());
        assertEquals(Severity.INFO, c.logThreshold(), "--silent alone does not change the threshold");
    }

    @Test
    void positionalWordsMakeAClientCallWhereverOptionsAre() {
        CommandLine c = CommandLineParser.parse("account_info", "--conf=a.cfg", "xAbc", "-q", "validated");
        assertEquals(Action.CLIENT, c.action());
        assertEquals(List.of("account_info", "xAbc", "validated"), c.parameters());
        assertEquals(Optional.of("a.cfg"), c.conf());
        assertEquals(Severity.FATAL, c.logThreshold());
    }

    @Test
    void negativeNumbersAndDoubleDashAreParameters() {
        CommandLine c = CommandLineParser.parse("account_tx", "xAbc", "-1", "-1", "--", "--binary");
        assertEquals(List.of("account_tx", "xAbc", "-1", "-1", "--binary"), c.parameters());
    }

    @Test
    void theParametersOptionAddsWords() {
        assertEquals(List.of("ping", "x"), CommandLineParser.parse("--parameters", "ping", "x").parameters());
    }

    @Test
    void shortFlagsGroup() {
        CommandLine c = CommandLineParser.parse("-av");
        assertTrue(c.standalone());
        assertEquals(Severity.TRACE, c.logThreshold());
        assertEquals(Severity.FATAL, CommandLineParser.parse("-qv").logThreshold(), "quiet wins over verbose");
    }

    @Test
    void unambiguousPrefixesNameLongOptions() {
        assertTrue(CommandLineParser.parse("--stand").standalone());
        assertEquals(Optional.of("f"), CommandLineParser.parse("--co", "f").conf());
        assertEquals(StartUp.LOAD, CommandLineParser.parse("--ledger", "5").startUp(), "an exact name beats a longer one");
        assertTrue(refused("--l").getMessage().contains("ambiguous"));
    }

    @Test
    void startUpModes() {
        assertEquals(StartUp.LOAD, CommandLineParser.parse("--load").startUp());
        CommandLine ledger = CommandLineParser.parse("--ledger", "latest");
        assertEquals(StartUp.LOAD, ledger.startUp());
        assertEquals(Optional.of("latest"), ledger.startLedger());
        assertEquals(StartUp.REPLAY, CommandLineParser.parse("--ledger", "7", "--replay").startUp());
        CommandLine file = CommandLineParser.parse("--ledgerfile", "dump.json");
        assertEquals(StartUp.LOAD_FILE, file.startUp());
        assertEquals(Optional.of("dump.json"), file.startLedger());
        assertEquals(StartUp.LOAD, CommandLineParser.parse("--start", "--load").startUp(), "--load wins over --start");
        assertEquals(StartUp.NETWORK, CommandLineParser.parse("--net").startUp());
        assertEquals(StartUp.NETWORK, CommandLineParser.parse("--net", "--ledgerfile", "f").startUp(),
                "stoxumd lets --net override --ledgerfile");
        assertEquals(StartUp.NORMAL, CommandLineParser.parse("--replay").startUp(), "--replay needs --ledger");
    }

    @Test
    void netWithLoadIsRefusedWithStatus255() {
        CommandLineException e = refused("--net", "--load");
        assertEquals(CommandLineException.INVALID, e.exitStatus());
        assertEquals(CommandLineException.INVALID, refused("--ledger", "1", "--replay", "--net").exitStatus());
    }

    @Test
    void rpcAddressOverrides() {
        CommandLine c = CommandLineParser.parse("--rpc_ip", "10.1.2.3", "--rpc_port", "5006", "ping");
        assertEquals("10.1.2.3", c.rpcIp().orElseThrow().getHostAddress());
        assertEquals(5006, c.rpcPort().getAsInt());
    }

    @ParameterizedTest
    @CsvSource({
            "--rpc_ip=127.0.0.1:5005, 255",
            "--rpc_ip=localhost, 255",
            "--rpc_ip=256.1.1.1, 255",
            "--rpc_port=0, 255",
            "--rpc_port=65536, 1",
            "--rpc_port=x, 1",
            "--quorum=0, 255",
            "--quorum=-1, 1",
            "--quorum=many, 1",
            "--bogus, 1",
            "-z, 1",
            "--standalone=1, 1",
            "--unittest, 1",
            "-u, 1",
            "--unittest-jobs=2, 1",
            "--unittest-log, 1"})
    void badOptionsAreRefusedWithStoxumdsStatus(String arg, int status) {
        CommandLineException e = refused(arg, "ping");
        assertEquals(status, e.exitStatus(), e.getMessage());
        assertTrue(e.getMessage().startsWith("stoxumd: "), e.getMessage());
    }

    @Test
    void aValueOptionNeedsItsValue() {
        assertTrue(refused("--conf").getMessage().contains("'--conf' needs a value"));
        assertTrue(refused("--conf", "-a").getMessage().contains("'--conf' needs a value"));
        assertTrue(refused("--bogus").getMessage().contains("unknown option '--bogus'"));
        assertTrue(refused("--bogus").getMessage().contains("Use '--help'"));
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertTrue(refused("-a", "--standalone").getMessage().contains("more than once"));
        assertTrue(refused("--conf=a", "--conf=b").getMessage().contains("more than once"));
    }

    @Test
    void helpAndVersionWinOverEverythingButSyntax() {
        assertEquals(Action.HELP, CommandLineParser.parse("--version", "-h", "--net", "--load").action());
        assertEquals(Action.VERSION, CommandLineParser.parse("--version", "ping", "--unittest").action());
        assertEquals(CommandLineException.SYNTAX, refused("--help", "--bogus").exitStatus());
    }

    @Test
    void usageListsOptionsAndCommands() {
        String usage = CommandLineParser.usage();
        assertTrue(usage.contains("--conf <file>"));
        assertTrue(usage.contains("-a, --standalone"));
        assertTrue(usage.contains("account_tx <account>"));
        assertTrue(usage.contains("wallet_propose [<passphrase>]"));
        assertFalse(usage.contains("unittest"));
    }
}
