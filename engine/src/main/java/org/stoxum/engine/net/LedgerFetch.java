package org.stoxum.engine.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.transport.peer.Peer;

/**
 * How the node gets what it lacks from its peers, and serves what they lack: whole ledgers (rippled's
 * InboundLedgers), candidate transaction sets (InboundTransactions), and the answers to their requests.
 * Futures complete on a fetch thread; the peer-message methods are called on the overlay's I/O thread and
 * must not block.
 */
public interface LedgerFetch extends AutoCloseable {
    /** The ledger {@code hash} (of sequence {@code seq}, 0 when unknown), verified and stored. */
    CompletableFuture<Ledger> acquireLedger(Hash256 hash, long seq);

    /** An older ledger for the history ({@code [ledger_history]}), fetched at history priority. */
    CompletableFuture<Ledger> acquireHistory(Hash256 hash, long seq);

    /** The candidate transaction set {@code id}, verified node by node. */
    CompletableFuture<SHAMap> acquireTxSet(Hash256 id);

    /** Registers a set we built or acquired, so peers can fetch it from us. */
    void haveTxSet(SHAMap set);

    /** A peer asks for ledger or set nodes. */
    void onGetLedger(Peer peer, GetLedgerDecoder message);

    /** A peer answers one of our requests. */
    void onLedgerData(Peer peer, LedgerDataDecoder message);

    /** The ledger acquisitions under way or recently ended, and recent failures ({@code fetch_info}). */
    ObjectNode info();

    /** Forgets recent failures and ended acquisitions ({@code fetch_info clear}). */
    void clearFailures();

    /** Drives timeouts and retries; called about every quarter second. */
    void tick(long nowMs);

    @Override
    void close();
}
