package org.stoxum.transport.peer.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One TLS connection driven without sockets (Bouncy Castle's non-blocking mode): ciphertext from the
 * network goes in through {@link #offerInput}, plaintext comes out of {@link #readApplicationData};
 * plaintext to send goes in through {@link #writeApplicationData} and ciphertext for the network comes
 * out of {@link #readOutput}.
 *
 * <p>Not thread-safe: one I/O thread drives it.
 */
public final class TlsSession {
    private final TlsProtocol protocol;
    private final PeerTlsClient client;
    private final PeerTlsServer server;

    private TlsSession(TlsProtocol protocol, PeerTlsClient client, PeerTlsServer server) {
        this.protocol = protocol;
        this.client = client;
        this.server = server;
    }

    /** Starts the handshake of a connection we dialled: the ClientHello is ready in the output. */
    public static TlsSession client(SecureRandom random) throws IOException {
        return client(random, PeerTlsSettings.VERSIONS);
    }

    /** A client offering only {@code versions} (tests of each TLS version). */
    static TlsSession client(SecureRandom random, ProtocolVersion[] versions) throws IOException {
        return client(new PeerTlsCrypto(random), versions);
    }

    /** A client on the given crypto (tests against a peer whose record cipher is Bouncy Castle's). */
    static TlsSession client(BcTlsCrypto crypto, ProtocolVersion[] versions) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol();
        PeerTlsClient client = new PeerTlsClient(crypto, versions);
        protocol.connect(client);
        return new TlsSession(protocol, client, null);
    }

    /** Readies a connection we accepted to answer the peer's ClientHello. */
    public static TlsSession server(SecureRandom random, EphemeralCertificate certificate) throws IOException {
        return server(new PeerTlsCrypto(random), certificate);
    }

    /** A server on the given crypto (see {@link #client(BcTlsCrypto, ProtocolVersion[])}). */
    static TlsSession server(BcTlsCrypto crypto, EphemeralCertificate certificate) throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol();
        PeerTlsServer server = new PeerTlsServer(crypto, certificate);
        protocol.accept(server);
        return new TlsSession(protocol, null, server);
    }

    /** True once both sides have finished the TLS handshake. */
    public boolean isHandshakeComplete() {
        return client != null ? client.isHandshakeComplete() : server.isHandshakeComplete();
    }

    /** True for the side that dialled. */
    public boolean isClient() {
        return client != null;
    }

    /** Feeds ciphertext received from the network. */
    public void offerInput(byte[] input, int offset, int length) throws IOException {
        protocol.offerInput(input, offset, length);
    }

    /** Decrypted bytes ready to read. */
    public int applicationDataAvailable() {
        return protocol.getAvailableInputBytes();
    }

    /** Reads decrypted bytes; returns how many. */
    public int readApplicationData(byte[] buffer, int offset, int length) {
        return protocol.readInput(buffer, offset, length);
    }

    /** Encrypts plaintext; the ciphertext joins the output. */
    public void writeApplicationData(byte[] data, int offset, int length) throws IOException {
        protocol.writeApplicationData(data, offset, length);
    }

    /** Ciphertext waiting to be sent. */
    public int outputAvailable() {
        return protocol.getAvailableOutputBytes();
    }

    /** Moves up to {@code buffer.remaining()} bytes of ciphertext into {@code buffer}. */
    public int readOutput(ByteBuffer buffer) {
        return protocol.readOutput(buffer, Math.min(buffer.remaining(), protocol.getAvailableOutputBytes()));
    }

    /**
     * The session's channel binding: the RFC 9266 {@code tls-exporter} value (32 bytes exported under
     * the label {@code EXPORTER-Channel-Binding}). Both ends compute the same value and nobody else can;
     * TLS 1.2 sessions must use the extended master secret (both ends insist), as RFC 9266 requires.
     * Taken when the handshake completes, since Bouncy Castle forgets the exporter secret right after.
     *
     * @throws IllegalStateException before the handshake completes
     */
    public byte[] channelBinding() {
        byte[] binding = client != null ? client.channelBinding() : server.channelBinding();
        if (binding == null) {
            throw new IllegalStateException("no channel binding before the handshake completes");
        }
        return binding.clone();
    }

    /** The negotiated protocol, e.g. "TLSv1.3". */
    public String protocolVersion() {
        return context().getServerVersion().getName();
    }

    private TlsContext context() {
        return client != null ? client.context() : server.context();
    }

    /** True once the TLS connection has been closed, by us or by an alert from the peer. */
    public boolean isClosed() {
        return protocol.isClosed();
    }

    /** Sends close_notify (into the output) and closes. */
    public void close() {
        try {
            protocol.close();
        } catch (IOException ignored) {
            // the connection is going away; a failed close_notify changes nothing
        }
    }
}
