package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.LedgerEntry;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * A ledger as the {@code ledger} command and the ledger streams show it (rippled's {@code LedgerToJson}):
 * the header fields, and on request its transactions (ids, JSON with metadata, or binary) and its state
 * entries (keys, JSON or binary).
 */
public final class LedgerJson {
    /** Transactions and state entries in full. */
    public static final int FULL = 0x01;
    /** Transactions and entries as objects rather than ids. */
    public static final int EXPAND = 0x02;
    /** Include the transactions. */
    public static final int TRANSACTIONS = 0x04;
    /** Include the state entries. */
    public static final int ACCOUNTS = 0x08;
    /** Hex instead of JSON. */
    public static final int BINARY = 0x10;

    private LedgerJson() {
    }

    /**
     * The ledger object.
     *
     * @param type only state entries of this type, or null for all
     */
    public static ObjectNode of(ReadView ledger, int options, LedgerEntryType type, NetworkProfile profile) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        boolean full = (options & FULL) != 0;
        boolean closed = !ledger.open();
        if ((options & BINARY) != 0) {
            json.put("closed", closed);
            if (closed) {
                json.put("ledger_data", Json.hex(ledger.header().toBytes()));
            }
        } else {
            header(json, ledger, closed, full);
        }
        if (full || (options & TRANSACTIONS) != 0) {
            transactions(json, ledger, options, profile);
        }
        if (full || (options & ACCOUNTS) != 0) {
            state(json, ledger, options, type, profile);
        }
        return json;
    }

    private static void header(ObjectNode json, ReadView ledger, boolean closed, boolean full) {
        LedgerHeader h = ledger.header();
        json.put("parent_hash", h.parentHash().toString());
        json.put("ledger_index", Long.toString(h.seq()));
        json.put("seqNum", Long.toString(h.seq()));
        if (closed) {
            json.put("closed", true);
        } else if (!full) {
            json.put("closed", false);
            return;
        }
        String hash = ledger.hash().toString();
        json.put("ledger_hash", hash);
        json.put("transaction_hash", h.txHash().toString());
        json.put("account_hash", h.accountHash().toString());
        json.put("total_coins", Long.toString(h.drops()));
        json.put("hash", hash);
        json.put("totalCoins", Long.toString(h.drops()));
        json.put("accepted", closed);
        json.put("close_flags", h.closeFlags());
        json.put("parent_close_time", h.parentCloseTime());
        json.put("close_time", h.closeTime());
        json.put("close_time_resolution", h.closeTimeResolution());
        if (h.closeTime() != 0) {
            json.put("close_time_human", Json.humanTime(h.closeTime()));
            if (!h.closeTimeAgreed()) {
                json.put("close_time_estimated", true);
            }
        }
    }

    private static void transactions(ObjectNode json, ReadView ledger, int options, NetworkProfile profile) {
        ArrayNode txs = json.putArray("transactions");
        boolean expanded = (options & (FULL | EXPAND)) != 0;
        boolean binary = (options & BINARY) != 0;
        if (!expanded) {
            for (Iterator<Hash256> it = ledger.txIds(); it.hasNext(); ) {
                txs.add(it.next().toString());
            }
            return;
        }
        for (Iterator<LedgerTx> it = ledger.transactions(); it.hasNext(); ) {
            LedgerTx tx = it.next();
            if (binary) {
                ObjectNode o = txs.addObject();
                o.put("tx_blob", Json.hex(tx.txBytes()));
                if (tx.hasMeta()) {
                    o.put("meta", Json.hex(tx.metaBytes()));
                }
            } else {
                ObjectNode o = Json.tx(tx.id(), tx.tx(), profile);
                if (tx.hasMeta()) {
                    o.set("metaData", tx.meta().toJson(profile));
                }
                txs.add(o);
            }
        }
    }

    private static void state(ObjectNode json, ReadView ledger, int options, LedgerEntryType type,
                              NetworkProfile profile) {
        ArrayNode entries = json.putArray("accountState");
        boolean expanded = (options & (FULL | EXPAND)) != 0;
        boolean binary = (options & BINARY) != 0;
        for (Iterator<LedgerEntry> it = ledger.entries(null); it.hasNext(); ) {
            LedgerEntry e = it.next();
            if (type != null && e.sle().getU16(SField.LEDGER_ENTRY_TYPE) != type.code()) {
                continue;
            }
            if (binary) {
                ObjectNode o = entries.addObject();
                o.put("hash", e.key().toString());
                o.put("tx_blob", Json.hex(e.bytes()));
            } else if (expanded) {
                entries.add(Json.entry(e.key(), e.sle(), profile));
            } else {
                entries.add(e.key().toString());
            }
        }
    }
}
