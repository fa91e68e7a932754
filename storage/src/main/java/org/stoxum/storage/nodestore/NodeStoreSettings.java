package org.stoxum.storage.nodestore;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the node store needs from {@code [node_db]}, already parsed and checked by the config reader.
 *
 * @param path           directory of the LMDB environment (created if absent)
 * @param mapSize        LMDB map size in bytes: the most the database may grow to (address space only;
 *                       the file grows as data arrives)
 * @param onlineDelete   keep at least this many validated ledgers and reclaim older ones; 0 keeps all
 * @param advisoryDelete with {@code onlineDelete}, reclaim only up to what {@link NodeStore#setCanDelete}
 *                       allowed (rippled's {@code can_delete})
 * @param cacheSize      how many recently read tree nodes to keep parsed in memory
 */
public record NodeStoreSettings(Path path, long mapSize, long onlineDelete, boolean advisoryDelete, int cacheSize) {
    /** The only {@code [node_db] type} this server accepts. */
    public static final String BACKEND = "lmdb";
    /** Default map size: 1 TiB of address space, far above any ledger history kept with online delete. */
    public static final long DEFAULT_MAP_SIZE = 1L << 40;
    /** Default node cache: enough for the upper levels of both trees of many recent ledgers. */
    public static final int DEFAULT_CACHE_SIZE = 65_536;

    public NodeStoreSettings {
        if (path == null) {
            throw new IllegalArgumentException("node_db path is required");
        }
        if (mapSize <= 0) {
            throw new IllegalArgumentException("map size must be positive: " + mapSize);
        }
        if (onlineDelete < 0) {
            throw new IllegalArgumentException("online_delete must not be negative: " + onlineDelete);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size must not be negative: " + cacheSize);
        }
    }

    /** Defaults for everything but the path: no online delete, default map and cache sizes. */
    public static NodeStoreSettings at(Path path) {
        return new NodeStoreSettings(path, DEFAULT_MAP_SIZE, 0, false, DEFAULT_CACHE_SIZE);
    }

    /**
     * Checks a {@code [node_db] type} value.
     *
     * @throws IllegalArgumentException for anything but {@code lmdb} (any case), naming what is accepted
     */
    public static void checkBackend(String type) {
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).equals(BACKEND)) {
            throw new IllegalArgumentException("[node_db] type=" + type + " is not available: this server stores "
                    + "ledgers in LMDB only, so set type=LMDB (RocksDB, NuDB and the others are not built in)");
        }
    }
}
