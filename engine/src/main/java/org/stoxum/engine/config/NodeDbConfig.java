package org.stoxum.engine.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A node store section ({@code [node_db]} or {@code [import_db]}): where the LMDB environment lives
 * and how online deletion rotates it.
 *
 * @param path                where the store lives, absolute
 * @param onlineDelete        keep at least this many validated ledgers and delete older ones; 0 = never
 * @param advisoryDelete      when online deletion is on, wait for an admin's {@code can_delete}
 * @param deleteBatch         SQL rows deleted per batch while rotating
 * @param backOffMillis       pause between delete batches
 * @param ageThresholdSeconds rotate only while the validated ledger is younger than this
 * @param extra               every other key as written (lower-cased key), for backend tuning that
 *                            this server does not interpret yet
 */
public record NodeDbConfig(Path path, long onlineDelete, boolean advisoryDelete, long deleteBatch,
                           long backOffMillis, long ageThresholdSeconds, Map<String, String> extra) {

    /** The only node store backend of this server, the value {@code type=} must have. */
    public static final String TYPE = "lmdb";

    /** Online deletion is off unless {@code online_delete} is set. */
    public static final long DEFAULT_ONLINE_DELETE = 0;

    /** The smallest {@code online_delete} outside stand-alone mode. */
    public static final long MINIMUM_ONLINE_DELETE = 256;

    /** The smallest {@code online_delete} in stand-alone mode, where tests rotate quickly. */
    public static final long MINIMUM_ONLINE_DELETE_STANDALONE = 8;

    /** Rotation waits for no one unless {@code advisory_delete=1}. */
    public static final boolean DEFAULT_ADVISORY_DELETE = false;

    /** Rows per delete batch during rotation. */
    public static final long DEFAULT_DELETE_BATCH = 100;

    /** Milliseconds between delete batches, to leave the databases to other work. */
    public static final long DEFAULT_BACK_OFF_MILLIS = 100;

    /** Seconds of validated-ledger age beyond which rotation waits for the node to catch up. */
    public static final long DEFAULT_AGE_THRESHOLD_SECONDS = 60;

    public NodeDbConfig {
        extra = Map.copyOf(extra);
    }

    /** True when online deletion is configured. */
    public boolean onlineDeleteEnabled() {
        return onlineDelete > 0;
    }
}
