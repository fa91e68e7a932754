package org.stoxum.engine.config;

/**
 * The per-port permessage-deflate settings (RFC 7692) of WebSocket connections.
 *
 * @param enabled                  {@code permessage_deflate}
 * @param clientMaxWindowBits      {@code client_max_window_bits}, 9..15
 * @param serverMaxWindowBits      {@code server_max_window_bits}, 9..15
 * @param clientNoContextTakeover  {@code client_no_context_takeover}
 * @param serverNoContextTakeover  {@code server_no_context_takeover}
 * @param compressLevel            {@code compress_level}, 0..9
 * @param memoryLevel              {@code memory_level}, 1..9
 */
public record WebSocketCompression(boolean enabled, int clientMaxWindowBits, int serverMaxWindowBits,
                                   boolean clientNoContextTakeover, boolean serverNoContextTakeover,
                                   int compressLevel, int memoryLevel) {
    /** Compression is off unless a port asks for it. */
    public static final boolean DEFAULT_ENABLED = false;
    /** The largest deflate window, as zlib's default. */
    public static final int DEFAULT_MAX_WINDOW_BITS = 15;
    /** Contexts are kept between messages unless asked otherwise. */
    public static final boolean DEFAULT_NO_CONTEXT_TAKEOVER = false;
    /** A middle compression level favouring speed. */
    public static final int DEFAULT_COMPRESS_LEVEL = 3;
    /** zlib memory level used by stoxumd. */
    public static final int DEFAULT_MEMORY_LEVEL = 4;

    /** The settings of a port that names none of the keys. */
    public static final WebSocketCompression DEFAULT = new WebSocketCompression(DEFAULT_ENABLED,
            DEFAULT_MAX_WINDOW_BITS, DEFAULT_MAX_WINDOW_BITS, DEFAULT_NO_CONTEXT_TAKEOVER,
            DEFAULT_NO_CONTEXT_TAKEOVER, DEFAULT_COMPRESS_LEVEL, DEFAULT_MEMORY_LEVEL);
}
