package org.stoxum.engine.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.engine.validator.ManifestDisposition.ACCEPTED;
import static org.stoxum.engine.validator.ManifestDisposition.INVALID;
import static org.stoxum.engine.validator.ManifestDisposition.STALE;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.manifest.Manifest;

/** stoxumd Manifest_test "apply" and "getKeys", on our cache. */
class ManifestCacheTest {
    private final KeyPair masterA = KeyPair.random(KeyType.ED25519);
    private final KeyPair signingA = KeyPair.random(KeyType.SECP256K1);
    private final KeyPair masterB = KeyPair.random(KeyType.ED25519);
    private final KeyPair signingB = KeyPair.random(KeyType.SECP256K1);

    /** A manifest whose master signature comes from another key (stoxumd's invalidSig manifests). */
    static Manifest badlySigned(KeyPair master, KeyPair signing, long seq) {
        Manifest good = Manifest.sign(master, signing, seq);
        Manifest forged = Manifest.sign(KeyPair.random(KeyType.ED25519), signing, seq);
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, seq)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes())
                .setBlob(SField.SIGNATURE, good.signature().orElseThrow())
                .setBlob(SField.MASTER_SIGNATURE, forged.masterSignature());
        return Manifest.parse(st.toBytes());
    }

    @Test
    void newerManifestsAreAcceptedOlderOnesAreStale() {
        ManifestCache cache = new ManifestCache();
        Manifest a0 = Manifest.sign(masterA, signingA, 0);
        Manifest a1 = Manifest.sign(masterA, signingA, 1);
        Manifest aMax = Manifest.revocation(masterA);
        assertEquals(ACCEPTED, cache.apply(a0));
        assertEquals(STALE, cache.apply(a0));
        assertEquals(ACCEPTED, cache.apply(a1));
        assertEquals(STALE, cache.apply(a1));
        assertEquals(STALE, cache.apply(a0));

        assertFalse(cache.revoked(masterA.publicKey()));
        assertEquals(ACCEPTED, cache.apply(aMax));
        assertEquals(STALE, cache.apply(aMax));
        assertEquals(STALE, cache.apply(a1));
        assertEquals(STALE, cache.apply(a0));
        assertTrue(cache.revoked(masterA.publicKey()));

        Manifest b0 = Manifest.sign(masterB, signingB, 0);
        assertEquals(ACCEPTED, cache.apply(b0));
        assertEquals(STALE, cache.apply(b0));
        assertEquals(INVALID, cache.apply(badlySigned(masterB, signingB, 2)));
        assertEquals(Optional.of(b0), cache.manifest(masterB.publicKey()));
        assertEquals(2, cache.manifests().size());
    }

    @Test
    void staleIsDecidedBeforeTheSignatureIsChecked() {
        ManifestCache cache = new ManifestCache();
        assertEquals(ACCEPTED, cache.apply(Manifest.sign(masterA, signingA, 5)));
        assertEquals(STALE, cache.apply(badlySigned(masterA, signingA, 5)));
        assertEquals(STALE, cache.apply(badlySigned(masterA, signingA, 4)));
        assertEquals(INVALID, cache.apply(badlySigned(masterA, signingA, 6)));
    }

    @Test
    void anInvalidFirstManifestLeavesNoTrace() {
        ManifestCache cache = new ManifestCache();
        assertEquals(INVALID, cache.apply(badlySigned(masterA, signingA, 1)));
        assertEquals(Optional.empty(), cache.manifest(masterA.publicKey()));
        assertEquals(signingA.publicKey(), cache.masterKey(signingA.publicKey()));
        assertEquals(ACCEPTED, cache.apply(Manifest.sign(masterA, signingA, 0)));
    }

    @Test
    void keyLookupsFollowTheCurrentManifest() {
        ManifestCache cache = new ManifestCache();
        PublicKey pk = masterA.publicKey();
        assertEquals(pk, cache.signingKey(pk), "no manifest: the key itself");

        KeyPair kp0 = KeyPair.random(KeyType.SECP256K1);
        assertEquals(ACCEPTED, cache.apply(Manifest.sign(masterA, kp0, 0)));
        assertEquals(kp0.publicKey(), cache.signingKey(pk));
        assertEquals(pk, cache.masterKey(kp0.publicKey()));

        KeyPair kp1 = KeyPair.random(KeyType.SECP256K1);
        assertEquals(ACCEPTED, cache.apply(Manifest.sign(masterA, kp1, 1)));
        assertEquals(kp1.publicKey(), cache.signingKey(pk));
        assertEquals(pk, cache.masterKey(kp1.publicKey()));
        assertEquals(kp0.publicKey(), cache.masterKey(kp0.publicKey()), "the replaced key maps to nothing");

        assertEquals(ACCEPTED, cache.apply(Manifest.sign(masterA, kp1, 2)), "same signing key, higher sequence");
        assertEquals(kp1.publicKey(), cache.signingKey(pk));
        assertEquals(pk, cache.masterKey(kp1.publicKey()));

        // A max-sequence manifest that still names a signing key revokes: the key is dropped.
        KeyPair kpMax = KeyPair.random(KeyType.SECP256K1);
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, Manifest.REVOCATION_SEQUENCE)
                .setBlob(SField.PUBLIC_KEY, pk.toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, kpMax.publicKey().toBytes());
        byte[] data = signingData(st);
        st.setBlob(SField.SIGNATURE, kpMax.sign(data)).setBlob(SField.MASTER_SIGNATURE, masterA.sign(data));
        assertEquals(ACCEPTED, cache.apply(Manifest.parse(st.toBytes())));
        assertTrue(cache.revoked(pk));
        assertEquals(pk, cache.signingKey(pk));
        assertEquals(kpMax.publicKey(), cache.masterKey(kpMax.publicKey()));
        assertEquals(kp1.publicKey(), cache.masterKey(kp1.publicKey()));
    }

    static byte[] signingData(STObject st) {
        byte[] body = st.toSigningBytes();
        byte[] out = new byte[4 + body.length];
        out[0] = 'M';
        out[1] = 'A';
        out[2] = 'N';
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }
}
