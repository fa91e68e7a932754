package org.stoxum.engine.config;

import java.nio.file.Path;

/**
 * The optional history shard store ({@code [shard_db]}).
 *
 * @param path            directory holding one subdirectory per shard, absolute
 * @param maxSizeGb       disk space the shards may use, at least {@link #MINIMUM_MAX_SIZE_GB}
 * @param ledgersPerShard ledgers in one shard (changeable in stand-alone mode only, for tests)
 */
public record ShardDbConfig(Path path, long maxSizeGb, long ledgersPerShard) {
    /** One shard needs about this much room, so a smaller limit could never hold one. */
    public static final long MINIMUM_MAX_SIZE_GB = 3;

    /** Ledgers per shard on a real network. */
    public static final long DEFAULT_LEDGERS_PER_SHARD = 16384;

    /** {@code ledgers_per_shard} must be a multiple of this (the skip-list span). */
    public static final long LEDGERS_PER_SHARD_UNIT = 256;
}
