package org.stoxum.engine.consensus;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.Hash256;

/**
 * A signed validation as it travels between servers (stoxumd's {@code STValidation}): a free STObject with
 * the fields of node.md 6.3, signed over {@code VAL\0} and the fields without sfSignature. Only secp256k1
 * keys may sign validations.
 *
 * <p>Immutable. What a receiver adds (when it saw the validation, whether the signer is trusted) is set with
 * {@link #received}.
 */
public final class STValidation implements Validation<PublicKey> {
    /** sfFlags bit: the validator proposed in the round. */
    public static final long FLAG_FULL = 0x0000_0001L;
    /** sfFlags bit: the signature is fully canonical (low S). */
    public static final long FLAG_FULLY_CANONICAL_SIG = 0x8000_0000L;
    /** A received validation shorter than this is dropped unread. */
    public static final int MIN_BYTES = 50;

    private static final List<SField> REQUIRED = List.of(SField.FLAGS, SField.LEDGER_HASH, SField.SIGNING_TIME,
            SField.SIGNING_PUB_KEY);
    private static final Set<SField> ALLOWED = Set.of(SField.FLAGS, SField.LEDGER_HASH, SField.LEDGER_SEQUENCE,
            SField.CLOSE_TIME, SField.LOAD_FEE, SField.AMENDMENTS, SField.BASE_FEE, SField.RESERVE_BASE,
            SField.RESERVE_INCREMENT, SField.SIGNING_TIME, SField.SIGNING_PUB_KEY, SField.SIGNATURE,
            SField.CONSENSUS_HASH);

    private final STObject object;
    private final PublicKey signer;
    private final long seenTime;
    private final boolean trusted;

    private STValidation(STObject object, PublicKey signer, long seenTime, boolean trusted) {
        this.object = object;
        this.signer = signer;
        this.seenTime = seenTime;
        this.trusted = trusted;
    }

    /**
     * Starts a validation of {@code ledgerHash} signed at {@code signTime} by {@code publicKey}.
     *
     * @param full whether we proposed in the round
     */
    public static Builder builder(Hash256 ledgerHash, long signTime, PublicKey publicKey, boolean full) {
        return new Builder(ledgerHash, signTime, publicKey, full);
    }

    /**
     * Reads a received validation.
     *
     * @param seenTime when it arrived (NetClock seconds)
     * @param checkSignature false only for cluster peers, whose signatures stoxumd does not check
     * @throws CodecException when too short, malformed, with fields outside the format, signed by a
     *                        non-secp256k1 key, or (if checked) badly signed
     */
    public static STValidation parse(byte[] bytes, long seenTime, boolean checkSignature) {
        if (bytes.length < MIN_BYTES) {
            throw CodecException.invalid("validation too short: " + bytes.length + " bytes");
        }
        STObject o = BinaryCodec.readObject(bytes);
        for (SField f : REQUIRED) {
            if (!o.isPresent(f)) {
                throw CodecException.invalid("validation lacks " + f.name());
            }
        }
        for (SField f : o.fields()) {
            if (!ALLOWED.contains(f)) {
                throw CodecException.invalid("validation has foreign field " + f.name());
            }
        }
        PublicKey signer = PublicKey.parse(o.getBlob(SField.SIGNING_PUB_KEY))
                .filter(k -> k.type() == KeyType.SECP256K1)
                .orElseThrow(() -> CodecException.invalid("Invalid public key in validation"));
        STValidation v = new STValidation(o, signer, seenTime, false);
        if (checkSignature && !v.isValid()) {
            throw CodecException.invalid("Invalid signature in validation");
        }
        return v;
    }

    /** This validation as received at {@code seen}, from a signer we do or do not trust. */
    public STValidation received(long seen, boolean isTrusted) {
        return new STValidation(object, signer, seen, isTrusted);
    }

    /** SHA512Half of {@code VAL\0} and the fields without the signature. */
    public Hash256 signingHash() {
        return object.signingHash(HashPrefix.VALIDATION);
    }

    /** Whether the signature verifies (fully canonical required when the flag says so). */
    public boolean isValid() {
        if (!object.isPresent(SField.SIGNATURE)) {
            return false;
        }
        return signer.verifyDigest(signingHash().toBytes(), object.getBlob(SField.SIGNATURE),
                (flags() & FLAG_FULLY_CANONICAL_SIG) != 0);
    }

    /** The wire form. */
    public byte[] toBytes() {
        return object.toBytes();
    }

    /** A copy of the underlying object. */
    public STObject toSTObject() {
        return object.copy();
    }

    /** sfFlags. */
    public long flags() {
        return object.getU32(SField.FLAGS);
    }

    @Override
    public Hash256 ledgerId() {
        return object.getH256(SField.LEDGER_HASH);
    }

    /** sfLedgerSequence, 0 when absent (stoxumd drops such validations). */
    @Override
    public long seq() {
        return object.isPresent(SField.LEDGER_SEQUENCE) ? object.getU32(SField.LEDGER_SEQUENCE) : 0;
    }

    /** Whether sfLedgerSequence is present. */
    public boolean hasSeq() {
        return object.isPresent(SField.LEDGER_SEQUENCE);
    }

    @Override
    public long signTime() {
        return object.getU32(SField.SIGNING_TIME);
    }

    @Override
    public long seenTime() {
        return seenTime;
    }

    @Override
    public PublicKey key() {
        return signer;
    }

    @Override
    public boolean trusted() {
        return trusted;
    }

    @Override
    public boolean full() {
        return (flags() & FLAG_FULL) != 0;
    }

    @Override
    public OptionalLong loadFee() {
        return object.isPresent(SField.LOAD_FEE) ? OptionalLong.of(object.getU32(SField.LOAD_FEE))
                : OptionalLong.empty();
    }

    /** The base fee vote (sfBaseFee), empty when absent. */
    public OptionalLong baseFeeVote() {
        return object.isPresent(SField.BASE_FEE) ? OptionalLong.of(object.getU64(SField.BASE_FEE))
                : OptionalLong.empty();
    }

    /** The account reserve vote (sfReserveBase), empty when absent. */
    public OptionalLong reserveBaseVote() {
        return object.isPresent(SField.RESERVE_BASE) ? OptionalLong.of(object.getU32(SField.RESERVE_BASE))
                : OptionalLong.empty();
    }

    /** The owner reserve vote (sfReserveIncrement), empty when absent. */
    public OptionalLong reserveIncrementVote() {
        return object.isPresent(SField.RESERVE_INCREMENT) ? OptionalLong.of(object.getU32(SField.RESERVE_INCREMENT))
                : OptionalLong.empty();
    }

    /** The amendment votes, empty when absent. */
    public List<Hash256> amendments() {
        return object.isPresent(SField.AMENDMENTS) ? object.getVector256(SField.AMENDMENTS) : List.of();
    }

    @Override
    public String toString() {
        return "STValidation[" + ledgerId() + " seq=" + seq() + " by " + signer + (full() ? " full" : " partial")
                + "]";
    }

    /** Assembles and signs a validation. */
    public static final class Builder {
        private final STObject object = new STObject(SField.VALIDATION);
        private final PublicKey publicKey;

        private Builder(Hash256 ledgerHash, long signTime, PublicKey publicKey, boolean full) {
            if (publicKey.type() != KeyType.SECP256K1) {
                throw CodecException.invalid("validations are signed with secp256k1 keys only");
            }
            this.publicKey = publicKey;
            object.setU32(SField.FLAGS, full ? FLAG_FULL : 0);
            object.setH256(SField.LEDGER_HASH, ledgerHash);
            object.setU32(SField.SIGNING_TIME, signTime);
            object.setBlob(SField.SIGNING_PUB_KEY, publicKey.toBytes());
        }

        /** Sets sfLedgerSequence (stoxumd always does). */
        public Builder ledgerSequence(long seq) {
            object.setU32(SField.LEDGER_SEQUENCE, seq);
            return this;
        }

        /** Sets sfLoadFee (stoxumd does when the load factor is above normal). */
        public Builder loadFee(long fee) {
            object.setU32(SField.LOAD_FEE, fee);
            return this;
        }

        /** Sets sfAmendments (votes, before a flag ledger). */
        public Builder amendments(List<Hash256> ids) {
            object.setVector256(SField.AMENDMENTS, ids);
            return this;
        }

        /** Sets the fee votes (before a flag ledger). */
        public Builder feeVote(long baseFee, long reserveBase, long reserveIncrement) {
            return baseFee(baseFee).reserveBase(reserveBase).reserveIncrement(reserveIncrement);
        }

        /** Sets sfBaseFee alone: stoxumd votes only for the fee values that differ from the ledger's. */
        public Builder baseFee(long drops) {
            object.setU64(SField.BASE_FEE, drops);
            return this;
        }

        /** Sets sfReserveBase alone (see {@link #baseFee}). */
        public Builder reserveBase(long drops) {
            object.setU32(SField.RESERVE_BASE, drops);
            return this;
        }

        /** Sets sfReserveIncrement alone (see {@link #baseFee}). */
        public Builder reserveIncrement(long drops) {
            object.setU32(SField.RESERVE_INCREMENT, drops);
            return this;
        }

        /**
         * Sets the fully-canonical flag, signs, and returns the validation marked trusted and seen at its
         * signing time, as a server holds its own.
         *
         * @throws CodecException when {@code key} is not the builder's public key
         */
        public STValidation sign(KeyPair key) {
            if (!key.publicKey().equals(publicKey)) {
                throw CodecException.invalid("signing key does not match the validation's public key");
            }
            object.setU32(SField.FLAGS, object.getU32(SField.FLAGS) | FLAG_FULLY_CANONICAL_SIG);
            byte[] signature = key.signDigest(object.signingHash(HashPrefix.VALIDATION).toBytes());
            object.setBlob(SField.SIGNATURE, signature);
            STObject done = object.copy();
            return new STValidation(done, publicKey, done.getU32(SField.SIGNING_TIME), true);
        }
    }
}
