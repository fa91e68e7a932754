package org.stoxum.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code [cluster]}, an extension of this server: how often members report their load and how long a silent
 * member stays "up" (stoxumd fixes these at 10 s and 90 s), and which Aeron media driver carries the cluster's
 * traffic.
 *
 * @param reportInterval {@code report_interval} seconds
 * @param staleAfter     {@code stale_after} seconds
 * @param externalDriver {@code media_driver = external}: use a media driver the operator runs, found through
 *                       {@code aeronDir}; {@code embedded} (the default) starts one inside this process
 * @param aeronDir       {@code aeron_dir}: the external driver's directory (Aeron's default when absent), or
 *                       where the embedded driver keeps its files (under the node store when absent)
 */
public record ClusterSectionConfig(Duration reportInterval, Duration staleAfter, boolean externalDriver,
                                   Optional<Path> aeronDir) {
    /** {@code media_driver} value for a driver inside this process. */
    public static final String EMBEDDED = "embedded";
    /** {@code media_driver} value for a driver the operator runs. */
    public static final String EXTERNAL = "external";
    /** stoxumd's timers and an embedded driver. */
    public static final ClusterSectionConfig DEFAULT = new ClusterSectionConfig(Duration.ofSeconds(10),
            Duration.ofSeconds(90), false, Optional.empty());
}
