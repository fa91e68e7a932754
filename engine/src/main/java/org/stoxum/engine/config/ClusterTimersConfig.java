package org.stoxum.engine.config;

import java.time.Duration;

/**
 * {@code [cluster]}, an extension of this server: how often members report their load and how long a silent
 * member stays "up" (stoxumd fixes these at 10 s and 90 s).
 *
 * @param reportInterval {@code report_interval} seconds
 * @param staleAfter     {@code stale_after} seconds
 */
public record ClusterTimersConfig(Duration reportInterval, Duration staleAfter) {
    /** stoxumd's timers. */
    public static final ClusterTimersConfig DEFAULT = new ClusterTimersConfig(Duration.ofSeconds(10),
            Duration.ofSeconds(90));
}
