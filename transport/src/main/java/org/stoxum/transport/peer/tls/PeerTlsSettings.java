package org.stoxum.transport.peer.tls;

import java.util.Vector;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * What both ends of a peer link offer: TLS 1.3 and 1.2, AEAD suites with ephemeral key exchange,
 * X25519 or P-256. The groups are named explicitly so a newer default (post-quantum hybrids) cannot
 * pull in classes this pairing of bctls and bcprov does not share.
 */
final class PeerTlsSettings {
    static final ProtocolVersion[] VERSIONS = ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);

    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    };

    private PeerTlsSettings() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Vector groups() {
        Vector v = new Vector();
        v.add(NamedGroup.x25519);
        v.add(NamedGroup.secp256r1);
        return v;
    }
}
