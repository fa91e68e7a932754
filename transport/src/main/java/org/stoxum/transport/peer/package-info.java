/**
 * Peer links between our own nodes (stoxumd's overlay, peer finder and the peer side of its resource
 * manager), with our own wire format.
 *
 * <p><b>Link.</b> TCP on the {@code protocol = peer} port, then TLS 1.3 or 1.2 (Bouncy Castle, driven
 * without blocking by the overlay's I/O thread) with a throw-away Ed25519 certificate: nodes are not
 * known by certificate but by node key. Once TLS is up both ends take the session's
 * {@code tls-exporter} channel binding and each signs {@code sha512Half(binding)} with its node key, as
 * stoxumd signs its shared value; a man in the middle has two sessions with two bindings, so a proof he
 * relays does not verify.
 *
 * <p><b>Handshake.</b> The dialler sends {@code Hello} (stoxumd's hello headers); the other side checks
 * it (clock within 20 s, protocol version, secp256k1 key, not our own key, the session proof, the
 * public-address claims) and answers with its own {@code Hello}, a {@code Redirect} listing other peers
 * when its slots are full (stoxumd's 503), or a {@code Rejection} with the reason (stoxumd's 400).
 *
 * <p><b>Frames.</b> A 4-byte little-endian length, then an SBE message (header and body) of the schema
 * in the codec module ({@code org.stoxum.codec.sbe}), whose template ids are stoxumd's message types.
 * The SBE header's version tells which fields a sender wrote; unknown templates are ignored, anything
 * that does not parse exactly costs the sender and closes its link.
 *
 * <p><b>Threads.</b> {@link org.stoxum.transport.peer.PeerOverlay} runs one I/O thread; the
 * {@link org.stoxum.transport.peer.PeerMessageHandler} is called on it and must not block. Everything
 * else is safe from any thread.
 *
 * <p><b>The JVM</b> running an overlay needs {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED}
 * for Agrona's buffers, under the SBE flyweights.
 */
package org.stoxum.transport.peer;
