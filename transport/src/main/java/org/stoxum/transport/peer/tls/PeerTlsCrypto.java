package org.stoxum.transport.peer.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JceAEADCipherImpl;

/**
 * Bouncy Castle's TLS crypto, with the record cipher (AES-GCM) taken from the JDK.
 *
 * <p>The JDK's AES-GCM uses the processor's AES and carry-less multiply instructions; Bouncy Castle's runs
 * in plain Java. Under load every relayed transaction, proposal and validation goes through it once per
 * peer, and on a validator the pure-Java cipher was about 4% of the process's CPU. The handshake
 * (Ed25519 certificate, key exchange) stays with Bouncy Castle, so the wire is unchanged.
 */
final class PeerTlsCrypto extends BcTlsCrypto {
    /** TLS's AEAD type for GCM ({@code TlsAEADCipher.AEAD_GCM}). */
    private static final int AEAD_GCM = 3;

    private final JcaTlsCrypto jca;

    PeerTlsCrypto(SecureRandom random) {
        super(random);
        this.jca = new JcaTlsCryptoProvider().create(random);
    }

    @Override
    protected TlsAEADCipher createCipher_AES_GCM(TlsCryptoParameters params, int cipherKeySize, int macSize)
            throws IOException {
        try {
            JcaJceHelper helper = jca.getHelper();
            return new TlsAEADCipher(params,
                    new JceAEADCipherImpl(jca, helper, "AES/GCM/NoPadding", "AES", cipherKeySize, true),
                    new JceAEADCipherImpl(jca, helper, "AES/GCM/NoPadding", "AES", cipherKeySize, false),
                    cipherKeySize, macSize, AEAD_GCM);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
    }
}
