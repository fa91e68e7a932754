package org.stoxum.transport.peer.tls;

import java.io.IOException;
import org.bouncycastle.tls.ChannelBinding;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsServerContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** The accepting side of a peer link: it presents the overlay's ephemeral Ed25519 certificate. */
final class PeerTlsServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final EphemeralCertificate certificate;
    private volatile boolean handshakeComplete;
    private byte[] channelBinding;

    PeerTlsServer(BcTlsCrypto crypto, EphemeralCertificate certificate) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
    }

    TlsServerContext context() {
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
        return PeerTlsSettings.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return PeerTlsSettings.CIPHER_SUITES.clone();
    }

    @Override
    public int[] getSupportedGroups() {
        return new int[] {NamedGroup.x25519, NamedGroup.secp256r1};
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        TlsCertificate cert = crypto.createCertificate(certificate.encodedUnsafe());
        Certificate chain = TlsUtils.isTLSv13(context)
                ? new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(cert, null)})
                : new Certificate(new TlsCertificate[] {cert});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), chain, SignatureAndHashAlgorithm.ed25519);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        channelBinding = context.exportChannelBinding(ChannelBinding.tls_exporter);
        handshakeComplete = true;
    }
}
