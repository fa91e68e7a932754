package org.stoxum.transport.peer.tls;

import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.ChannelBinding;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The dialling side of a peer link. It accepts any server certificate that TLS itself verifies (the
 * certificate's key signed the handshake): identity comes from the node key proved afterwards.
 */
final class PeerTlsClient extends DefaultTlsClient {
    private volatile boolean handshakeComplete;
    private byte[] channelBinding;

    private final ProtocolVersion[] versions;

    PeerTlsClient(TlsCrypto crypto, ProtocolVersion[] versions) {
        super(crypto);
        this.versions = versions.clone();
    }

    TlsClientContext context() {
        return context;
    }

    /** The tls-exporter binding, taken while the handshake's secrets still exist (BC clears them). */
    byte[] channelBinding() {
        return channelBinding;
    }

    boolean isHandshakeComplete() {
        return handshakeComplete;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.clone();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return PeerTlsSettings.CIPHER_SUITES.clone();
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return PeerTlsSettings.groups();
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                if (serverCertificate.getCertificate() == null || serverCertificate.getCertificate().isEmpty()) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                return null;
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        channelBinding = context.exportChannelBinding(ChannelBinding.tls_exporter);
        handshakeComplete = true;
    }
}
