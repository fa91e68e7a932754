package org.stoxum.engine.config;

/**
 * {@code [insight]}: where metrics go as StatsD UDP packets.
 *
 * @param host   the StatsD collector's IP
 * @param port   its UDP port
 * @param prefix prepended to every metric name
 */
public record InsightConfig(String host, int port, String prefix) {
    /** The only collector stoxumd speaks to; any other {@code server=} leaves metrics off. */
    public static final String SERVER_STATSD = "statsd";
}
