package org.stoxum.engine.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * A ledger under construction on top of a closed one (rippled's {@code OpenView}): the open ledger that
 * takes submitted transactions, or the next ledger being built at close. Its state is a copy-on-write
 * copy of the base's state tree, so {@link #snapshot()} is O(1) and closing needs no merge; its
 * transactions are a tree too (without metadata while open, with it while closing), so the open
 * ledger's transaction tree is also the consensus set.
 *
 * <p>Entries read or written are kept parsed, so applying a transaction does not parse the same entry
 * twice. Kept objects are never changed (editing views copy them), so handing them out is safe.
 * Single-threaded: give other threads a {@link #snapshot()}.
 */
public final class OpenView implements ReadView, RawView {
    private final LedgerHeader header;
    private final Hash256 hash;
    private final boolean open;
    private final Fees fees;
    private final Rules rules;
    private final Ledger base;
    private final SHAMap state;
    private final SHAMap txs;
    private final HashMap<Hash256, STObject> parsed = new HashMap<>();
    private int txCount;
    private boolean finished;
    private long dropsDestroyed;

    private OpenView(Ledger base, LedgerHeader header, Hash256 hash, boolean open, Rules rules) {
        this.base = base;
        this.header = header;
        this.hash = hash;
        this.open = open;
        this.fees = base.fees();
        this.rules = rules;
        this.state = base.stateMap().mutableCopy();
        this.txs = SHAMap.empty(open ? SHAMapLeafType.TRANSACTION_NO_METADATA
                : SHAMapLeafType.TRANSACTION_WITH_METADATA);
    }

    /**
     * The open ledger after {@code base}: as rippled shows it, the base's header with sequence one higher,
     * the base's hash as parent hash and the base's close time as parent close time.
     */
    public static OpenView openLedger(Ledger base, Rules rules) {
        LedgerHeader b = base.header();
        LedgerHeader h = new LedgerHeader(b.seq() + 1, b.drops(), base.hash(), b.txHash(), b.accountHash(),
                b.closeTime(), b.closeTime(), b.closeTimeResolution(), b.closeFlags());
        return new OpenView(base, h, base.hash(), true, rules);
    }

    /**
     * The open ledger on {@code closed}, the ledger this finished view became, starting with the entries
     * this view already parsed (they are exactly the new ledger's), so the next ledger's first
     * transactions need not parse them again.
     */
    public OpenView openSuccessor(Ledger closed, Rules rules) {
        if (!finished || closed.seq() != header.seq()) {
            throw new IllegalArgumentException("not the ledger this view closed into");
        }
        OpenView next = openLedger(closed, rules);
        next.parsed.putAll(parsed);
        return next;
    }

    /**
     * The next ledger after {@code parent} while its transactions are applied at close (rippled's
     * {@code Ledger(prevLedger, closeTime)} seen through an OpenView): fees and rules of the parent, the
     * resolution that follows the parent's, and a provisional close time that the close replaces.
     */
    public static OpenView closing(Ledger parent) {
        LedgerHeader p = parent.header();
        long seq = p.seq() + 1;
        int resolution = LedgerTimes.nextResolution(p.closeTimeResolution(), parent.header().closeTimeAgreed(), seq);
        LedgerHeader h = new LedgerHeader(seq, p.drops(), parent.hash(), Hash256.ZERO, Hash256.ZERO,
                p.closeTime(), p.closeTime() == 0 ? 0 : p.closeTime() + resolution, resolution, 0);
        return new OpenView(parent, h, parent.hash(), false, parent.rules());
    }

    /** The closed ledger this view was made over. */
    public Ledger base() {
        return base;
    }

    /** The number of transactions applied so far: the TransactionIndex of the next one. */
    public int txCount() {
        return txCount;
    }

    /** Drops burned by the transactions applied so far. */
    public long dropsDestroyed() {
        return dropsDestroyed;
    }

    /**
     * The transactions as they stand, frozen: for an open ledger, the consensus transaction set (keyed by
     * transaction id, leaves without metadata), whose hash orders the close.
     */
    public SHAMap txSet() {
        return txs.snapshot();
    }

    /**
     * Finishes a ledger being built (see {@link #closing}): updates the skip lists with the parent's hash
     * (a raw change in no metadata, protocol.md 8.4), then fixes the header with the agreed close time and
     * resolution, the burned fees and both tree hashes. The view must not be used afterwards.
     *
     * @param closeTime        the effective close time (network seconds)
     * @param closeTimeCorrect false when validators did not agree on a close time
     */
    public Ledger close(long closeTime, int closeResolution, boolean closeTimeCorrect) {
        if (open || finished) {
            throw new IllegalStateException("only a ledger being built can be closed, once");
        }
        finished = true;
        updateSkipList();
        LedgerHeader h = new LedgerHeader(header.seq(), header.drops() - dropsDestroyed, header.parentHash(),
                txs.hash(), state.hash(), header.parentCloseTime(), closeTime, closeResolution,
                closeTimeCorrect ? 0 : LedgerTimes.NO_CONSENSUS_TIME);
        return Ledger.of(h, state, txs, base.configFees(), base.presets());
    }

    private void updateSkipList() {
        long prevIndex = header.seq() - 1;
        if ((prevIndex & 0xFF) == 0) {
            appendHash(Keylets.skip(prevIndex), prevIndex, false);
        }
        appendHash(Keylets.skip(), prevIndex, true);
    }

    private void appendHash(Keylet k, long prevIndex, boolean rolling) {
        STObject existing = read(k);
        SLE sle = existing == null ? SLE.create(k) : SLE.of(k.key(), existing.copy());
        List<Hash256> hashes = new ArrayList<>(existing == null ? List.of() : existing.getVector256(SField.HASHES));
        if (rolling && hashes.size() == 256) {
            hashes.remove(0);
        }
        hashes.add(header.parentHash());
        sle.object().setVector256(SField.HASHES, hashes);
        sle.object().setU32(SField.LAST_LEDGER_SEQUENCE, prevIndex);
        if (existing == null) {
            rawInsert(sle);
        } else {
            rawReplace(sle);
        }
    }

    /** An immutable view of the current state and transactions, readable from any thread; O(1). */
    public ReadView snapshot() {
        return new ViewSnapshot(header, hash, open, fees, rules, state.snapshot(), txs.snapshot());
    }

    // ------------------------------------------------------------------ ReadView

    @Override
    public LedgerHeader header() {
        return header;
    }

    @Override
    public Hash256 hash() {
        return hash;
    }

    @Override
    public boolean open() {
        return open;
    }

    @Override
    public Fees fees() {
        return fees;
    }

    @Override
    public Rules rules() {
        return rules;
    }

    @Override
    public boolean exists(Keylet k) {
        return parsed.containsKey(k.key()) || state.contains(k.key());
    }

    @Override
    public Hash256 succ(Hash256 key, Hash256 last) {
        return MapReads.succ(state, key, last);
    }

    @Override
    public STObject read(Keylet k) {
        STObject sle = parsed.get(k.key());
        if (sle == null) {
            sle = MapReads.read(state, Keylets.unchecked(k.key()));
            if (sle == null) {
                return null;
            }
            parsed.put(k.key(), sle);
        }
        return k.check(sle) ? sle : null;
    }

    @Override
    public Iterator<LedgerEntry> entries(Hash256 after) {
        return MapReads.entries(state, after);
    }

    @Override
    public Iterator<LedgerTx> transactions() {
        return MapReads.transactions(txs);
    }

    @Override
    public Iterator<Hash256> txIds() {
        return MapReads.txIds(txs);
    }

    /** True when this view itself holds the transaction (the base ledger's are not consulted, as in rippled). */
    @Override
    public boolean txExists(Hash256 id) {
        return txs.contains(id);
    }

    @Override
    public LedgerTx txRead(Hash256 id) {
        LedgerTx tx = MapReads.txRead(txs, id);
        return tx != null ? tx : base.txRead(id);
    }

    // ------------------------------------------------------------------ RawView

    @Override
    public void rawErase(SLE sle) {
        if (!state.delete(sle.key())) {
            throw new IllegalStateException("rawErase: no entry " + sle.key());
        }
        parsed.remove(sle.key());
    }

    @Override
    public void rawInsert(SLE sle) {
        if (!state.put(sle.key(), sle.object().toBytes())) {
            throw new IllegalStateException("rawInsert: entry exists " + sle.key());
        }
        parsed.put(sle.key(), sle.object());
    }

    @Override
    public void rawReplace(SLE sle) {
        if (state.put(sle.key(), sle.object().toBytes())) {
            throw new IllegalStateException("rawReplace: no entry " + sle.key());
        }
        parsed.put(sle.key(), sle.object());
    }

    @Override
    public void rawDestroyXRP(long drops) {
        dropsDestroyed += drops;
    }

    /**
     * Adds a transaction: its bytes alone while open, with its metadata while closing.
     *
     * @throws IllegalStateException when the transaction is already here
     */
    public void rawTxInsert(Hash256 id, byte[] tx, byte[] meta) {
        if (txs.contains(id)) {
            throw new IllegalStateException("duplicate transaction " + id);
        }
        if (open) {
            txs.put(id, tx);
        } else {
            txs.put(id, new TransactionWithMeta(tx, meta).toLeafData());
        }
        txCount++;
    }

    @Override
    public String toString() {
        return (open ? "open " : "closing ") + "view of ledger " + header.seq();
    }
}
