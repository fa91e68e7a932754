package org.stoxum.codec.manifest;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * A validator manifest: the master key's certificate for an ephemeral signing key, so that a validator can
 * replace a leaked signing key without every server having to change its list of trusted keys.
 *
 * <p>The wire form is a free {@code STObject} (sfGeneric framing, no end marker) holding {@code PublicKey}
 * (master), {@code Sequence}, {@code SigningPubKey}, {@code Signature} (by the signing key) and
 * {@code MasterSignature} (by the master key). Both signatures cover {@code MAN\0} followed by the object
 * without its signature fields. Sequence {@value #REVOCATION_SEQUENCE} revokes the master key for good:
 * such a manifest needs neither a signing key nor its signature, and any it carries are ignored.
 *
 * <p>Reading is stricter than stoxumd's {@code make_Manifest}: the bytes must be the canonical
 * serialization of the object they hold. stoxumd would also take fields out of order, a repeated field or
 * bytes after an end marker (and check the signatures over the re-serialized object); no tool writes those,
 * and accepting them would give one manifest several byte forms. Other fields (a later tool's
 * {@code Domain}) are kept and signed over like any other.
 *
 * <p>Parsing checks the form only; {@link #verify()} checks the signatures. Instances are immutable.
 */
public final class Manifest {
    /** The sequence of a revocation: the highest, so nothing can supersede it. */
    public static final long REVOCATION_SEQUENCE = 0xFFFF_FFFFL;

    private final byte[] serialized;
    private final PublicKey masterKey;
    private final PublicKey signingKey;
    private final long sequence;
    private final byte[] signature;
    private final byte[] masterSignature;
    private final byte[] signingData;

    private Manifest(byte[] serialized, STObject st, PublicKey masterKey, PublicKey signingKey, long sequence) {
        this.serialized = serialized;
        this.masterKey = masterKey;
        this.signingKey = signingKey;
        this.sequence = sequence;
        this.signature = st.isPresent(SField.SIGNATURE) ? st.getBlob(SField.SIGNATURE) : null;
        this.masterSignature = st.getBlob(SField.MASTER_SIGNATURE);
        this.signingData = signingData(st);
    }

    /**
     * Reads a serialized manifest.
     *
     * @throws CodecException {@code invalidParams} when the bytes are not a canonical object, or the
     *     master key, sequence or master signature is missing, or (unless revoked) the signing key or its
     *     signature is missing, or a key is not a 33-byte typed key
     */
    public static Manifest parse(byte[] bytes) {
        STObject st;
        try {
            st = BinaryCodec.readObject(bytes);
        } catch (CodecException e) {
            throw new CodecException(e.token(), "manifest: " + e.getMessage(), e);
        }
        if (!Arrays.equals(st.toBytes(), bytes)) {
            throw CodecException.invalid("manifest: not in canonical form (fields out of order or repeated, "
                    + "or bytes after the end)");
        }
        PublicKey master = key(st, SField.PUBLIC_KEY);
        require(st, SField.SEQUENCE);
        require(st, SField.MASTER_SIGNATURE);
        long sequence = st.getU32(SField.SEQUENCE);
        PublicKey signing = null;
        if (sequence != REVOCATION_SEQUENCE) {
            signing = key(st, SField.SIGNING_PUB_KEY);
            require(st, SField.SIGNATURE);
        }
        return new Manifest(bytes.clone(), st, master, signing, sequence);
    }

    /**
     * Reads a base64 manifest as a config or a token carries it, decoded as stoxumd decodes base64 (see
     * {@link TolerantBase64}).
     */
    public static Manifest fromBase64(String text) {
        return parse(TolerantBase64.decode(text));
    }

    /**
     * A manifest handing validation to {@code signing}, signed by both keys.
     *
     * @param sequence 0 to 0xFFFFFFFE; later manifests of the same master key need higher numbers
     */
    public static Manifest sign(KeyPair master, KeyPair signing, long sequence) {
        if (sequence < 0 || sequence >= REVOCATION_SEQUENCE) {
            throw new IllegalArgumentException("manifest sequence must be 0.." + (REVOCATION_SEQUENCE - 1)
                    + ", not " + sequence + " (use revocation() to revoke)");
        }
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, sequence)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes())
                .setBlob(SField.SIGNING_PUB_KEY, signing.publicKey().toBytes());
        byte[] data = signingData(st);
        st.setBlob(SField.SIGNATURE, signing.sign(data));
        st.setBlob(SField.MASTER_SIGNATURE, master.sign(data));
        return parse(st.toBytes());
    }

    /** The revocation of {@code master}: sequence 0xFFFFFFFF, no signing key, signed by the master key. */
    public static Manifest revocation(KeyPair master) {
        STObject st = new STObject(SField.GENERIC)
                .setU32(SField.SEQUENCE, REVOCATION_SEQUENCE)
                .setBlob(SField.PUBLIC_KEY, master.publicKey().toBytes());
        st.setBlob(SField.MASTER_SIGNATURE, master.sign(signingData(st)));
        return parse(st.toBytes());
    }

    private static byte[] signingData(STObject st) {
        byte[] body = st.toSigningBytes();
        byte[] out = new byte[4 + body.length];
        HashPrefix.MANIFEST.writeTo(out, 0);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    private static void require(STObject st, SField field) {
        if (!st.isPresent(field)) {
            throw CodecException.invalid("manifest: no " + field.name());
        }
    }

    private static PublicKey key(STObject st, SField field) {
        require(st, field);
        return PublicKey.parse(st.getBlob(field)).orElseThrow(() -> CodecException.invalid(
                "manifest: " + field.name() + " is not a 33-byte key starting 0x02, 0x03 or 0xED"));
    }

    /**
     * stoxumd's {@code Manifest::verify}: the signing key's signature (not for a revocation), then the
     * master key's, each required to be fully canonical.
     */
    public boolean verify() {
        if (!revoked() && !signingKey.verify(signingData, signature, true)) {
            return false;
        }
        return masterKey.verify(signingData, masterSignature, true);
    }

    /** True for the revocation of the master key (sequence 0xFFFFFFFF). */
    public boolean revoked() {
        return sequence == REVOCATION_SEQUENCE;
    }

    /** SHA512Half of {@code MAN\0} and the whole manifest: its identity when relayed between peers. */
    public Hash256 hash() {
        return Hash256.wrap(Sha512Half.of(HashPrefix.MANIFEST, serialized));
    }

    public PublicKey masterKey() {
        return masterKey;
    }

    /** The ephemeral key validations are signed with; empty for a revocation. */
    public Optional<PublicKey> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /** The sequence, 0 to 0xFFFFFFFF. */
    public long sequence() {
        return sequence;
    }

    /** The signing key's signature, if present (a revocation may omit it). */
    public Optional<byte[]> signature() {
        return Optional.ofNullable(signature).map(byte[]::clone);
    }

    public byte[] masterSignature() {
        return masterSignature.clone();
    }

    /** The bytes as received or made: what is stored, relayed and hashed. */
    public byte[] serialized() {
        return serialized.clone();
    }

    /** The base64 form carried by tokens, revocations in configs and validator lists. */
    public String toBase64() {
        return TolerantBase64.encode(serialized);
    }

    /** Two manifests are equal when their bytes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest m && Arrays.equals(serialized, m.serialized);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serialized);
    }

    @Override
    public String toString() {
        return "Manifest[master=" + masterKey + ", sequence=" + sequence
                + (revoked() ? ", revoked" : ", signing=" + Objects.requireNonNull(signingKey)) + "]";
    }
}
