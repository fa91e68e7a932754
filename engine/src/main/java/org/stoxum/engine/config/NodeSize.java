package org.stoxum.engine.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code [node_size]} presets: how big the caches are and how long entries live in them. The
 * numbers are stoxumd's (Config::getSize), so a node sized "medium" behaves like one there.
 */
public enum NodeSize {
    //   sweep fetch nodeCache nodeAge treeCache treeAge sleCache sleAge ledgers ledgerAge nodeDbMb txDbMb lgrDbMb
    TINY(10, 2, 16384, 60, 128000, 30, 4096, 30, 32, 30, 4, 4, 4),
    SMALL(30, 3, 32768, 90, 256000, 60, 8192, 60, 128, 90, 12, 12, 8),
    MEDIUM(60, 5, 131072, 120, 512000, 90, 16384, 90, 256, 180, 24, 24, 16),
    LARGE(90, 5, 262144, 900, 768000, 120, 65536, 120, 384, 240, 64, 64, 32),
    HUGE(120, 8, 524288, 1800, 2048000, 900, 131072, 300, 768, 900, 128, 128, 128);

    /** Used when the config has no {@code [node_size]}. */
    public static final NodeSize DEFAULT = TINY;

    private final int sweepIntervalSeconds;
    private final int ledgerFetch;
    private final int nodeCacheSize;
    private final int nodeCacheAgeSeconds;
    private final int treeCacheSize;
    private final int treeCacheAgeSeconds;
    private final int sleCacheSize;
    private final int sleCacheAgeSeconds;
    private final int ledgerCacheSize;
    private final int ledgerCacheAgeSeconds;
    private final int nodeStoreCacheMb;
    private final int transactionDbCacheMb;
    private final int ledgerDbCacheMb;

    NodeSize(int sweepIntervalSeconds, int ledgerFetch, int nodeCacheSize, int nodeCacheAgeSeconds,
             int treeCacheSize, int treeCacheAgeSeconds, int sleCacheSize, int sleCacheAgeSeconds,
             int ledgerCacheSize, int ledgerCacheAgeSeconds, int nodeStoreCacheMb, int transactionDbCacheMb,
             int ledgerDbCacheMb) {
        this.sweepIntervalSeconds = sweepIntervalSeconds;
        this.ledgerFetch = ledgerFetch;
        this.nodeCacheSize = nodeCacheSize;
        this.nodeCacheAgeSeconds = nodeCacheAgeSeconds;
        this.treeCacheSize = treeCacheSize;
        this.treeCacheAgeSeconds = treeCacheAgeSeconds;
        this.sleCacheSize = sleCacheSize;
        this.sleCacheAgeSeconds = sleCacheAgeSeconds;
        this.ledgerCacheSize = ledgerCacheSize;
        this.ledgerCacheAgeSeconds = ledgerCacheAgeSeconds;
        this.nodeStoreCacheMb = nodeStoreCacheMb;
        this.transactionDbCacheMb = transactionDbCacheMb;
        this.ledgerDbCacheMb = ledgerDbCacheMb;
    }

    /**
     * Reads a {@code [node_size]} value: a preset name in any case, or a number where 0 is tiny and 4
     * huge (out-of-range numbers are clamped, as stoxumd does).
     *
     * @return empty when the text is neither a name nor an integer
     */
    public static Optional<NodeSize> parse(String text) {
        for (NodeSize s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        Long n = ConfigValues.signed(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (n == null) {
            return Optional.empty();
        }
        return Optional.of(values()[(int) Math.max(0, Math.min(4, n))]);
    }

    /** The lower-case name used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Seconds between cache sweeps. */
    public int sweepIntervalSeconds() {
        return sweepIntervalSeconds;
    }

    /** Ledgers acquired from peers in parallel. */
    public int ledgerFetch() {
        return ledgerFetch;
    }

    /** Entries in the node-store cache. */
    public int nodeCacheSize() {
        return nodeCacheSize;
    }

    /** Seconds a node-store cache entry lives. */
    public int nodeCacheAgeSeconds() {
        return nodeCacheAgeSeconds;
    }

    /** Entries in the SHAMap tree-node cache. */
    public int treeCacheSize() {
        return treeCacheSize;
    }

    /** Seconds a tree-node cache entry lives. */
    public int treeCacheAgeSeconds() {
        return treeCacheAgeSeconds;
    }

    /** Entries in the ledger-entry (SLE) cache. */
    public int sleCacheSize() {
        return sleCacheSize;
    }

    /** Seconds an SLE cache entry lives. */
    public int sleCacheAgeSeconds() {
        return sleCacheAgeSeconds;
    }

    /** Ledgers kept in the ledger history cache. */
    public int ledgerCacheSize() {
        return ledgerCacheSize;
    }

    /** Seconds a ledger stays in the ledger history cache. */
    public int ledgerCacheAgeSeconds() {
        return ledgerCacheAgeSeconds;
    }

    /** Megabytes of node-store database cache. */
    public int nodeStoreCacheMb() {
        return nodeStoreCacheMb;
    }

    /** Megabytes of transaction.db page cache. */
    public int transactionDbCacheMb() {
        return transactionDbCacheMb;
    }

    /** Megabytes of ledger.db page cache. */
    public int ledgerDbCacheMb() {
        return ledgerDbCacheMb;
    }
}
