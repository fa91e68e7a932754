package org.stoxum.engine.config;

import java.util.Locale;
import java.util.Optional;

/** A protocol a listening port speaks ({@code protocol=} in a port section). */
public enum PortProtocol {
    /** JSON-RPC over plain HTTP. */
    HTTP(false, false, true),
    /** JSON-RPC over TLS. */
    HTTPS(true, false, true),
    /** WebSocket API, plain. */
    WS(false, true, false),
    /** An alias of {@code ws} that stoxumd accepts. */
    WS2(false, true, false),
    /** WebSocket API over TLS. */
    WSS(true, true, false),
    /** An alias of {@code wss} that stoxumd accepts. */
    WSS2(true, true, false),
    /** The peer protocol (always TLS); at most one port may carry it. */
    PEER(true, false, false);

    private final boolean secure;
    private final boolean websocket;
    private final boolean jsonRpc;

    PortProtocol(boolean secure, boolean websocket, boolean jsonRpc) {
        this.secure = secure;
        this.websocket = websocket;
        this.jsonRpc = jsonRpc;
    }

    /** Reads a protocol word in any case. */
    public static Optional<PortProtocol> parse(String word) {
        for (PortProtocol p : values()) {
            if (p.configName().equalsIgnoreCase(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The word used in the config. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the port must use TLS for this protocol. */
    public boolean secure() {
        return secure;
    }

    /** True for the WebSocket protocols. */
    public boolean websocket() {
        return websocket;
    }

    /** True for the protocols that answer plain JSON-RPC POSTs. */
    public boolean jsonRpc() {
        return jsonRpc;
    }
}
