package org.stoxum.perf.load;

import java.net.URI;
import java.util.Locale;

/**
 * The load generator's command line. Every figure is bounded (accounts, payments, seconds) so a run always
 * ends by itself, and every address must be on 127.0.0.1: the tool floods whatever it is pointed at.
 *
 * @param rate payments per second to offer, or 0 for as fast as the server answers
 * @param closeEvery close a ledger after this many newly accepted payments (0 when closing by time)
 * @param closeIntervalMs close a ledger every this many milliseconds (0 when closing by count)
 * @param window requests in flight per WebSocket connection when running flat out
 * @param closeLedgers whether the generator closes ledgers itself ({@code ledger_accept}, stand-alone only);
 *     false ({@code --no-close}) against a network, where consensus closes them
 * @param warmupSeconds submissions due in the first this many seconds are left out of the latency
 *     percentiles (counted all the same), so a fresh server's JIT warm-up does not pass for its tail
 * @param watch how validation is observed: {@code ledgers} (the default) asks each validated ledger of the
 *     {@code ledger} stream for its transaction ids, as a wallet that follows ledgers does; {@code
 *     transactions} subscribes to every transaction with its metadata, a far heavier client that costs the
 *     server (and the generator, on the same cores) a JSON rendering of each transaction
 */
public record LoadOptions(URI wsUrl, URI httpUrl, int accounts, int payments, int rate, int closeEvery,
                          int closeIntervalMs, int connections, Transport transport, int maxSeconds,
                          int window, long fundDrops, String markdownOut, boolean closeLedgers, int warmupSeconds, Watch watch) {
    /** How payments travel to the server. */
    public enum Transport { WS, HTTP }

    /** Which stream tells the generator that a payment was validated. */
    public enum Watch { LEDGERS, TRANSACTIONS }

    public static final int MAX_ACCOUNTS = 1_000_000;
    public static final int MAX_PAYMENTS = 10_000_000;

    static final String USAGE = """
            Usage: perf/load [--url ws://127.0.0.1:51233] [--http http://127.0.0.1:51232]
                             [--accounts M] [--payments N] [--rate R|max]
                             [--close-every K | --close-interval-ms T | --no-close] [--connections C]
                             [--transport ws|http] [--max-seconds S] [--window W] [--fund-drops D]
                             [--warmup-seconds S] [--watch ledgers|transactions] [--markdown FILE]""";

    /** Parses the arguments; throws {@link IllegalArgumentException} naming the offending option. */
    public static LoadOptions parse(String... args) {
        URI ws = URI.create("ws://127.0.0.1:51233");
        URI http = URI.create("http://127.0.0.1:51232");
        int accounts = 1000;
        int payments = 10_000;
        int rate = 0;
        int closeEvery = -1;
        int closeIntervalMs = -1;
        int connections = 4;
        Transport transport = Transport.WS;
        Watch watch = Watch.LEDGERS;
        int warmupSeconds = 0;
        int maxSeconds = 600;
        int window = 16;
        long fundDrops = 10_000_000L;
        String markdown = null;
        boolean noClose = false;
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--help") || opt.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (opt.equals("--no-close")) {
                noClose = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value (or is unknown)\n" + USAGE);
            }
            String v = args[++i];
            switch (opt) {
                case "--url" -> ws = localUri(opt, v, "ws");
                case "--http" -> http = localUri(opt, v, "http");
                case "--accounts" -> accounts = bounded(opt, v, 2, MAX_ACCOUNTS);
                case "--payments" -> payments = bounded(opt, v, 1, MAX_PAYMENTS);
                case "--rate" -> rate = v.equalsIgnoreCase("max") ? 0 : bounded(opt, v, 1, 1_000_000);
                case "--close-every" -> closeEvery = bounded(opt, v, 1, 1_000_000);
                case "--close-interval-ms" -> closeIntervalMs = bounded(opt, v, 10, 3_600_000);
                case "--connections" -> connections = bounded(opt, v, 1, 64);
                case "--transport" -> transport = switch (v.toLowerCase(Locale.ROOT)) {
                    case "ws" -> Transport.WS;
                    case "http" -> Transport.HTTP;
                    default -> throw new IllegalArgumentException("--transport is ws or http, not " + v);
                };
                case "--watch" -> watch = switch (v.toLowerCase(Locale.ROOT)) {
                    case "ledgers" -> Watch.LEDGERS;
                    case "transactions" -> Watch.TRANSACTIONS;
                    default -> throw new IllegalArgumentException("--watch is ledgers or transactions, not " + v);
                };
                case "--warmup-seconds" -> warmupSeconds = bounded(opt, v, 0, 3600);
                case "--max-seconds" -> maxSeconds = bounded(opt, v, 1, 86_400);
                case "--window" -> window = bounded(opt, v, 1, 100_000);
                case "--fund-drops" -> fundDrops = bounded(opt, v, 1, 1_000_000_000);
                case "--markdown" -> markdown = v;
                default -> throw new IllegalArgumentException("unknown option " + opt + "\n" + USAGE);
            }
        }
        if (closeEvery > 0 && closeIntervalMs > 0) {
            throw new IllegalArgumentException("--close-every and --close-interval-ms exclude each other");
        }
        if (noClose && (closeEvery > 0 || closeIntervalMs > 0)) {
            throw new IllegalArgumentException("--no-close excludes --close-every and --close-interval-ms");
        }
        if (!noClose && closeEvery < 0 && closeIntervalMs < 0) {
            closeEvery = 1000;
        }
        return new LoadOptions(ws, http, accounts, payments, rate, Math.max(closeEvery, 0),
                Math.max(closeIntervalMs, 0), connections, transport, maxSeconds, window, fundDrops, markdown,
                !noClose, warmupSeconds, watch);
    }

    private static int bounded(String opt, String v, int min, int max) {
        long n;
        try {
            n = Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " takes a whole number, not " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(opt + " must be between " + min + " and " + max + ", not " + v);
        }
        return (int) n;
    }

    private static URI localUri(String opt, String v, String scheme) {
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(opt + " is not a URL: " + v);
        }
        if (!scheme.equals(u.getScheme())) {
            throw new IllegalArgumentException(opt + " must be a " + scheme + ":// URL, not " + v);
        }
        if (!"127.0.0.1".equals(u.getHost()) && !"localhost".equals(u.getHost())) {
            throw new IllegalArgumentException(opt + " must point at 127.0.0.1 (the generator floods its target)");
        }
        return u;
    }
}
