package org.stoxum.engine.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusTxSet;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapDifference;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * A candidate transaction set (rippled's {@code RCLTxSet}): a SHAMap of serialized transactions without
 * metadata, so its ID is exactly the transaction hash the closed ledger will carry and peers can fetch it node
 * by node like any ledger tree.
 */
public final class RclTxSet implements ConsensusTxSet<RclTx> {
    private final SHAMap map;

    /** Wraps an immutable (snapshot) map of {@link SHAMapLeafType#TRANSACTION_NO_METADATA} leaves. */
    public RclTxSet(SHAMap map) {
        if (map.leafType() != SHAMapLeafType.TRANSACTION_NO_METADATA) {
            throw new IllegalArgumentException("a transaction set holds transactions without metadata");
        }
        this.map = map.isMutable() ? map.snapshot() : map;
    }

    /** The set of {@code txs}. */
    public static RclTxSet of(Iterable<STTx> txs) {
        SHAMap m = SHAMap.empty(SHAMapLeafType.TRANSACTION_NO_METADATA);
        for (STTx tx : txs) {
            m.put(tx.id(), tx.bytes());
        }
        return new RclTxSet(m);
    }

    /** The tree behind the set (immutable). */
    public SHAMap map() {
        return map;
    }

    @Override
    public Hash256 id() {
        return map.hash();
    }

    @Override
    public boolean exists(Hash256 txId) {
        return map.contains(txId);
    }

    @Override
    public RclTx find(Hash256 txId) {
        SHAMapItem item = map.get(txId);
        return item == null ? null : new RclTx(STTx.fromBytes(item.data()));
    }

    /** The set's transactions, parsed. */
    public List<STTx> transactions() {
        List<STTx> out = new ArrayList<>();
        for (SHAMapItem item : map) {
            out.add(STTx.fromBytes(item.data()));
        }
        return out;
    }

    @Override
    public Map<Hash256, Boolean> compare(ConsensusTxSet<RclTx> other) {
        Map<Hash256, Boolean> out = new HashMap<>();
        for (SHAMapDifference d : map.diff(((RclTxSet) other).map)) {
            if (d.isAdded()) {
                out.put(d.key(), false);
            } else if (d.isRemoved()) {
                out.put(d.key(), true);
            }
        }
        return out;
    }

    @Override
    public Builder<RclTx> toBuilder() {
        SHAMap copy = map.mutableCopy();
        return new Builder<>() {
            @Override
            public boolean insert(RclTx tx) {
                if (copy.contains(tx.id())) {
                    return false;
                }
                copy.put(tx.id(), tx.tx().bytes());
                return true;
            }

            @Override
            public boolean erase(Hash256 txId) {
                return copy.delete(txId);
            }

            @Override
            public ConsensusTxSet<RclTx> build() {
                return new RclTxSet(copy.snapshot());
            }
        };
    }

    @Override
    public String toString() {
        return "tx set " + id();
    }
}
