package org.stoxum.engine.ledger;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;

/**
 * Metadata of one transaction being built (rippled's {@code TxMeta}): the affected nodes by key, the
 * delivered amount, and the final serialization with the nodes sorted by LedgerIndex.
 */
final class TxMeta {
    private static final Comparator<STObject> BY_LEDGER_INDEX =
            Comparator.comparing(n -> n.getH256(SField.LEDGER_INDEX));

    private final Hash256 txId;
    private final long ledgerSeq;
    private final STArray nodes = new STArray();
    private final Map<Hash256, STObject> byKey = new HashMap<>();
    private STAmount delivered;

    TxMeta(Hash256 txId, long ledgerSeq) {
        this.txId = txId;
        this.ledgerSeq = ledgerSeq;
    }

    Hash256 txId() {
        return txId;
    }

    long ledgerSeq() {
        return ledgerSeq;
    }

    void setDeliveredAmount(STAmount amount) {
        delivered = amount;
    }

    /** The node for {@code key}, created as {@code kind} or renamed to it, with its entry type set. */
    STObject setAffectedNode(Hash256 key, SField kind, int entryType) {
        STObject n = byKey.get(key);
        if (n == null) {
            n = newNode(key, kind, entryType);
        } else {
            rename(n, kind);
            n.setU16(SField.LEDGER_ENTRY_TYPE, entryType);
        }
        return n;
    }

    /** The node for {@code sle}, created as {@code kind} if it has none yet. */
    STObject affectedNode(SLE sle, SField kind) {
        STObject n = byKey.get(sle.key());
        return n != null ? n : newNode(sle.key(), kind, sle.object().getU16(SField.LEDGER_ENTRY_TYPE));
    }

    private STObject newNode(Hash256 key, SField kind, int entryType) {
        STObject n = new STObject(kind);
        n.setH256(SField.LEDGER_INDEX, key);
        n.setU16(SField.LEDGER_ENTRY_TYPE, entryType);
        nodes.add(n);
        byKey.put(key, n);
        return n;
    }

    /** Renames {@code node} to {@code kind}: storing an object under a field names it after the field. */
    private static void rename(STObject node, SField kind) {
        if (node.name() != kind) {
            STObject holder = new STObject(SField.GENERIC);
            holder.setObject(kind, node);
        }
    }

    /** Records on {@code node} the transaction that touched the entry before this one, once. */
    static void thread(STObject node, SLE.Previous previous) {
        if (!node.isPresent(SField.PREVIOUS_TXN_ID)) {
            node.setH256(SField.PREVIOUS_TXN_ID, previous.txId());
            node.setU32(SField.PREVIOUS_TXN_LGR_SEQ, previous.ledgerSeq());
        }
    }

    /** The serialized metadata: result, position in the ledger, sorted nodes, delivered amount. */
    byte[] serialize(TER result, long transactionIndex) {
        nodes.sort(BY_LEDGER_INDEX);
        STObject meta = new STObject(SField.TRANSACTION_META_DATA);
        meta.setU8(SField.TRANSACTION_RESULT, result.code());
        meta.setU32(SField.TRANSACTION_INDEX, transactionIndex);
        meta.setArray(SField.AFFECTED_NODES, nodes);
        if (delivered != null) {
            meta.setAmount(SField.DELIVERED_AMOUNT, delivered);
        }
        return meta.toBytes();
    }
}
