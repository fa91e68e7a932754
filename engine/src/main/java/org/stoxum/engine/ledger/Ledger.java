package org.stoxum.engine.ledger;

import java.util.Set;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapItem;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapNodeSource;

/**
 * A closed ledger: its header, state tree and transaction tree, immutable and safe to read from many
 * threads. Fees come from the FeeSettings object when there is one, else from the server's defaults;
 * rules from the Amendments object plus the server's presets (rippled's {@code Ledger::setup}).
 *
 * <p>Entries are parsed on every {@link #read}; a view built on top (an open ledger, a sandbox) keeps the
 * objects it works on, so a transaction does not parse the same entry twice.
 */
public final class Ledger extends TreeView {
    private final Fees configFees;
    private final Set<Hash256> presets;

    private Ledger(LedgerHeader header, SHAMap state, SHAMap txs, Fees configFees, Set<Hash256> presets) {
        super(header, header.hash(), false, feesOf(MapReads.read(state, Keylets.fees()), configFees),
                Rules.fromLedger(MapReads.read(state, Keylets.amendments()), Set.copyOf(presets)), state, txs);
        this.configFees = configFees;
        this.presets = Set.copyOf(presets);
    }

    /**
     * A closed ledger over snapshots of {@code state} and {@code txs}.
     *
     * @param configFees the server's fee defaults, used when the ledger has no FeeSettings object
     * @param presets    amendments the server enables regardless of the ledger (normally none)
     * @throws IllegalArgumentException when the header's tree hashes are not those of the trees
     */
    public static Ledger of(LedgerHeader header, SHAMap state, SHAMap txs, Fees configFees, Set<Hash256> presets) {
        if (state.leafType() != SHAMapLeafType.ACCOUNT_STATE
                || txs.leafType() != SHAMapLeafType.TRANSACTION_WITH_METADATA) {
            throw new IllegalArgumentException("a ledger needs a state tree and a transaction-with-metadata tree");
        }
        SHAMap s = state.snapshot();
        SHAMap t = txs.snapshot();
        if (!s.hash().equals(header.accountHash()) || !t.hash().equals(header.txHash())) {
            throw new IllegalArgumentException("ledger " + header.seq() + ": header tree hashes do not match the trees");
        }
        return new Ledger(header, s, t, configFees, presets);
    }

    /**
     * A stored ledger: its header and the roots of both trees from {@code source}; the rest of the trees
     * loads as it is read.
     *
     * @throws org.stoxum.storage.shamap.SHAMapMissingNodeException when the source lacks a root
     */
    public static Ledger load(LedgerHeader header, SHAMapNodeSource source, Fees configFees, Set<Hash256> presets) {
        SHAMap state = SHAMap.load(SHAMapLeafType.ACCOUNT_STATE, header.accountHash(), source);
        SHAMap txs = SHAMap.load(SHAMapLeafType.TRANSACTION_WITH_METADATA, header.txHash(), source);
        return new Ledger(header, state, txs, configFees, presets);
    }

    private static Fees feesOf(STObject sle, Fees defaults) {
        if (sle == null) {
            return defaults;
        }
        return new Fees(
                sle.isPresent(SField.BASE_FEE) ? sle.getU64(SField.BASE_FEE) : defaults.base(),
                sle.isPresent(SField.REFERENCE_FEE_UNITS) ? sle.getU32(SField.REFERENCE_FEE_UNITS) : defaults.units(),
                sle.isPresent(SField.RESERVE_BASE) ? sle.getU32(SField.RESERVE_BASE) : defaults.reserve(),
                sle.isPresent(SField.RESERVE_INCREMENT) ? sle.getU32(SField.RESERVE_INCREMENT) : defaults.increment());
    }

    /** The state tree (an immutable snapshot): for storing, diffing and building the next ledger. */
    public SHAMap stateMap() {
        return state;
    }

    /** The server's fee defaults this ledger was made with (passed on to its successors). */
    public Fees configFees() {
        return configFees;
    }

    /** The amendments the server enables regardless of the ledger (passed on to its successors). */
    public Set<Hash256> presets() {
        return presets;
    }

    /** The stored bytes of the entry under {@code key}, or null: for binary answers without a parse. */
    public byte[] readBytes(Hash256 key) {
        SHAMapItem item = state.get(key);
        return item == null ? null : item.data();
    }

    @Override
    public String toString() {
        return "Ledger " + header.seq() + " " + hash;
    }
}
