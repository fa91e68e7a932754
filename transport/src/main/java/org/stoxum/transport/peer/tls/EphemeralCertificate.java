package org.stoxum.transport.peer.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A throw-away Ed25519 key and a self-signed X.509 certificate for it, made when the overlay starts.
 * Peers authenticate by node key, bound to the TLS session (see {@code SessionProof}); the certificate
 * only lets TLS run, so nobody checks it and it is never stored.
 */
public final class EphemeralCertificate {
    private static final long ONE_DAY_MILLIS = 86_400_000L;
    private static final long VALIDITY_MILLIS = 3650L * ONE_DAY_MILLIS;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] encoded;

    private EphemeralCertificate(Ed25519PrivateKeyParameters privateKey, byte[] encoded) {
        this.privateKey = privateKey;
        this.encoded = encoded;
    }

    /** A fresh key and certificate. */
    public static EphemeralCertificate generate(SecureRandom random) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        X500Name name = new X500Name("CN=stoxumd peer");
        long now = System.currentTimeMillis();

        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, random)));
        tbs.setIssuer(name);
        tbs.setSubject(name);
        tbs.setStartDate(new Time(new Date(now - ONE_DAY_MILLIS)));
        tbs.setEndDate(new Time(new Date(now + VALIDITY_MILLIS)));
        tbs.setSignature(ed25519);
        tbs.setSubjectPublicKeyInfo(new SubjectPublicKeyInfo(ed25519, key.generatePublicKey().getEncoded()));
        TBSCertificate certificate = tbs.generateTBSCertificate();
        try {
            byte[] toSign = certificate.getEncoded(ASN1Encoding.DER);
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(toSign, 0, toSign.length);
            ASN1EncodableVector v = new ASN1EncodableVector(3);
            v.add(certificate);
            v.add(ed25519);
            v.add(new DERBitString(signer.generateSignature()));
            return new EphemeralCertificate(key, new DERSequence(v).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a certificate in memory", e);
        }
    }

    Ed25519PrivateKeyParameters privateKey() {
        return privateKey;
    }

    /** The DER encoding of the certificate. */
    public byte[] encoded() {
        return encoded.clone();
    }

    byte[] encodedUnsafe() {
        return encoded;
    }
}
