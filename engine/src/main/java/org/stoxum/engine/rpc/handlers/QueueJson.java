package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.tx.queue.TxConsequences;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * The transaction queue as account_info ({@code queue_data} object) and ledger ({@code queue_data} array)
 * show it. Fee, spending and auth-change figures appear only for transactions whose consequences the queue
 * has already worked out, as in rippled; levels and drops are decimal strings.
 */
final class QueueJson {
    private QueueJson() {
    }

    /** account_info's {@code queue_data}: one account's queued transactions in sequence order. */
    static ObjectNode account(List<TxQ.QueuedTx> txs) {
        ObjectNode out = RpcContext.object();
        if (txs.isEmpty()) {
            out.put("txn_count", 0);
            return out;
        }
        out.put("txn_count", txs.size());
        out.put("lowest_sequence", txs.get(0).sequence());
        out.put("highest_sequence", txs.get(txs.size() - 1).sequence());
        ArrayNode list = out.putArray("transactions");
        // Known while every transaction so far has known consequences (auth change: or any was a blocker).
        Boolean anyAuthChanged = Boolean.FALSE;
        Long totalSpend = 0L;
        for (TxQ.QueuedTx tx : txs) {
            ObjectNode o = list.addObject();
            o.put("seq", tx.sequence());
            consequences(o, tx);
            TxConsequences c = tx.consequences();
            if (c != null) {
                if (totalSpend != null) {
                    totalSpend += c.potentialSpend() + c.fee();
                }
                if (c.blocker()) {
                    anyAuthChanged = Boolean.TRUE;
                }
            } else {
                if (Boolean.FALSE.equals(anyAuthChanged)) {
                    anyAuthChanged = null;
                }
                totalSpend = null;
            }
        }
        if (anyAuthChanged != null) {
            out.put("auth_change_queued", anyAuthChanged);
        }
        if (totalSpend != null) {
            out.put("max_spend_drops_total", Long.toString(totalSpend));
        }
        return out;
    }

    /**
     * ledger's {@code queue_data}: every queued transaction, highest fee level first, the transaction as its
     * hash, or expanded as JSON or a blob as the ledger's own transactions are.
     */
    static ArrayNode ledger(List<TxQ.QueuedTx> txs, int options, NetworkProfile profile) {
        boolean expanded = (options & (LedgerJson.FULL | LedgerJson.EXPAND)) != 0;
        boolean binary = (options & LedgerJson.BINARY) != 0;
        ArrayNode out = RpcContext.object().arrayNode();
        for (TxQ.QueuedTx tx : txs) {
            ObjectNode o = out.addObject();
            consequences(o, tx);
            o.put("account", tx.account().toAddress(profile));
            o.put("retries_remaining", tx.retriesRemaining());
            o.put("preflight_result", tx.preflightResult().token());
            if (tx.lastResult() != null) {
                o.put("last_result", tx.lastResult().token());
            }
            if (!expanded) {
                o.put("tx", tx.tx().id().toString());
            } else if (binary) {
                o.putObject("tx").put("tx_blob", Json.hex(tx.tx().bytes()));
            } else {
                o.set("tx", Json.tx(tx.tx().id(), tx.tx().object(), profile));
            }
        }
        return out;
    }

    /** The members both answers share: fee level, last ledger, and what the consequences say. */
    private static void consequences(ObjectNode o, TxQ.QueuedTx tx) {
        o.put("fee_level", Long.toString(tx.feeLevel()));
        if (tx.lastValid() != null) {
            o.put("LastLedgerSequence", tx.lastValid());
        }
        TxConsequences c = tx.consequences();
        if (c != null) {
            o.put("fee", Long.toString(c.fee()));
            o.put("max_spend_drops", Long.toString(c.potentialSpend() + c.fee()));
            o.put("auth_change", c.blocker());
        }
    }
}
