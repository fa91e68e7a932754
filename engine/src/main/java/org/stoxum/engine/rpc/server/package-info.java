/**
 * The client-facing network front end: JSON-RPC over HTTP/1.1 and WebSocket (RFC 6455), written on
 * java.nio with no container, as the original server's ServerHandler and its HTTP and WebSocket
 * peers behave.
 *
 * <p>Start with {@link org.stoxum.engine.rpc.server.RpcServer#start}: it binds the
 * {@link org.stoxum.engine.config.PortConfig ports}, runs one or more selector threads, and hands
 * each parsed request to the {@link org.stoxum.engine.rpc.server.RpcDispatcher} together with the
 * caller's {@link org.stoxum.engine.rpc.server.Role}. The dispatcher answers through an
 * {@link org.stoxum.engine.rpc.server.RpcResponder} from any thread; the server wraps the result in the
 * transport's envelope and writes it. WebSocket sessions stay reachable for pushes through
 * {@link org.stoxum.engine.rpc.server.WsSession}.
 *
 * <p>What clients see is the original's: the JSON reader's acceptance rules and error texts, the
 * compact writer's bytes (members sorted by key), the envelopes, the transport refusals ("Unable to
 * parse request: ...", "Null method", "params unparseable", 403, 503), the error table
 * ({@link org.stoxum.engine.rpc.server.RpcError}), the WebSocket answers (jsonInvalid, missingCommand),
 * the handshake and test-page bytes. Where the original failed badly we answer instead: bodies over
 * the request limit get the original's 400 answer rather than a dropped connection, malformed HTTP a
 * 400, and a WebSocket client over the drop threshold its slowDown answer before the close.
 */
package org.stoxum.engine.rpc.server;
