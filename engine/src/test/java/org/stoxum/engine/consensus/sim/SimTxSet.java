package org.stoxum.engine.consensus.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusTxSet;

/** An immutable set of simulated transactions, identified by a hash of its sorted IDs. */
public final class SimTxSet implements ConsensusTxSet<SimTx> {
    private final NavigableMap<Hash256, SimTx> txs;
    private final Hash256 id;

    /** The set of {@code txs}. */
    public SimTxSet(Collection<SimTx> txs) {
        TreeMap<Hash256, SimTx> m = new TreeMap<>();
        txs.forEach(t -> m.put(t.id(), t));
        this.txs = Collections.unmodifiableNavigableMap(m);
        Sha512Half h = Sha512Half.local().update("simset".getBytes());
        m.keySet().forEach(k -> h.update(k.toBytes()));
        this.id = Hash256.wrap(h.finish());
    }

    /** The transactions, by ID. */
    public Collection<SimTx> txs() {
        return txs.values();
    }

    @Override
    public Hash256 id() {
        return id;
    }

    @Override
    public boolean exists(Hash256 txId) {
        return txs.containsKey(txId);
    }

    @Override
    public SimTx find(Hash256 txId) {
        return txs.get(txId);
    }

    @Override
    public Map<Hash256, Boolean> compare(ConsensusTxSet<SimTx> other) {
        SimTxSet o = (SimTxSet) other;
        Map<Hash256, Boolean> diff = new LinkedHashMap<>();
        txs.keySet().stream().filter(k -> !o.txs.containsKey(k)).forEach(k -> diff.put(k, true));
        o.txs.keySet().stream().filter(k -> !txs.containsKey(k)).forEach(k -> diff.put(k, false));
        return diff;
    }

    @Override
    public Builder<SimTx> toBuilder() {
        TreeMap<Hash256, SimTx> m = new TreeMap<>(txs);
        return new Builder<>() {
            @Override
            public boolean insert(SimTx tx) {
                return m.putIfAbsent(tx.id(), tx) == null;
            }

            @Override
            public boolean erase(Hash256 txId) {
                return m.remove(txId) != null;
            }

            @Override
            public ConsensusTxSet<SimTx> build() {
                return new SimTxSet(m.values());
            }
        };
    }

    @Override
    public String toString() {
        return "TxSet" + txs.values();
    }
}
