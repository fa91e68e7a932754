package org.stoxum.engine.config;

/**
 * Path-finding effort: {@code [path_search]}, {@code [path_search_fast]}, {@code [path_search_max]},
 * {@code [path_search_old]}.
 *
 * @param normal search level of a normal request
 * @param fast   level of the quick first pass
 * @param max    the highest level a client may ask for; 0 disables path finding
 * @param old    level of the legacy {@code ripple_path_find}
 */
public record PathSearchConfig(int normal, int fast, int max, int old) {
    /** Search level of a normal request. */
    public static final int DEFAULT_NORMAL = 7;
    /** Level of the fast first pass. */
    public static final int DEFAULT_FAST = 2;
    /** Highest level a client may ask for. */
    public static final int DEFAULT_MAX = 10;
    /** Level of the legacy path finder. */
    public static final int DEFAULT_OLD = 7;

    /** The levels of a config that sets none. */
    public static final PathSearchConfig DEFAULT =
            new PathSearchConfig(DEFAULT_NORMAL, DEFAULT_FAST, DEFAULT_MAX, DEFAULT_OLD);
}
