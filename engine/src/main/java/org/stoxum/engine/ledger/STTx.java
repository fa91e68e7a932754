package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * A transaction as the engine applies it (rippled's {@code STTx}): the object bound to its template, its
 * canonical serialization and its id, computed once. As in rippled, the bytes are the object's own
 * serialization, not whatever blob it arrived in, so the id and what the ledger stores always agree.
 *
 * <p>The object must not be changed after construction.
 */
public final class STTx {
    private final STObject object;
    private final byte[] bytes;
    private final Hash256 id;
    private final TxType type;
    private final AccountId account;
    private final long sequence;
    private AccountId signingAccount;

    private STTx(STObject object) {
        this.object = object;
        this.bytes = object.toBytes();
        this.id = BinaryCodec.transactionId(bytes);
        this.type = TxType.fromCode(object.getU16(SField.TRANSACTION_TYPE));
        this.account = object.getAccountId(SField.ACCOUNT);
        this.sequence = object.getU32(SField.SEQUENCE);
    }

    /**
     * A transaction from a parsed object, which is bound to its template here if it is not yet.
     *
     * @throws org.stoxum.codec.CodecException when it is not a valid transaction of a known type
     */
    public static STTx of(STObject tx) {
        if (tx.template() == null) {
            BinaryCodec.bindTransaction(tx);
        }
        return new STTx(tx);
    }

    /**
     * A transaction from its serialized form.
     *
     * @throws org.stoxum.codec.CodecException when the bytes are not a valid transaction
     */
    public static STTx fromBytes(byte[] blob) {
        return new STTx(BinaryCodec.readTransaction(blob));
    }

    /** The transaction object; read-only by contract. */
    public STObject object() {
        return object;
    }

    /** A copy of the canonical serialization. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The canonical serialization, shared: callers must not change it. */
    byte[] sharedBytes() {
        return bytes;
    }

    /** The transaction id: SHA512Half of {@code TXN\0} and the serialization. */
    public Hash256 id() {
        return id;
    }

    public TxType type() {
        return type;
    }

    /** The sending account. */
    public AccountId account() {
        return account;
    }

    /** The Sequence field. */
    public long sequence() {
        return sequence;
    }

    /**
     * The account of SigningPubKey, or null when it is not a valid public key (multi-signed or malformed);
     * computed once.
     */
    public AccountId signingAccount() {
        if (signingAccount == null) {
            byte[] spk = object.getBlob(SField.SIGNING_PUB_KEY);
            if (PublicKey.parse(spk).isEmpty()) {
                return null;
            }
            signingAccount = AccountId.fromPublicKey(spk);
        }
        return signingAccount;
    }

    @Override
    public String toString() {
        return type.jsonName() + " " + id;
    }
}
