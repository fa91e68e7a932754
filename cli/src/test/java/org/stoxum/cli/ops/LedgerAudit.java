package org.stoxum.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.stoxum.cli.client.RpcClientException;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;

/**
 * Checks a server's ledgers against what an earlier server said it accepted: each ledger is there with
 * the same hash, its header hashes to that hash, it names its predecessor's hash as parent, and every
 * transaction it held is found by {@code tx} in it.
 */
final class LedgerAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerAudit() {
    }

    /** Problems found; empty when the server agrees with the record. */
    static List<String> check(ChildServer server, Collection<PaymentLoad.Closed> record) throws RpcClientException {
        List<String> problems = new ArrayList<>();
        for (PaymentLoad.Closed c : record) {
            JsonNode ledger = ledger(server, c.seq());
            if (ledger == null) {
                problems.add("ledger " + c.seq() + " is gone");
                continue;
            }
            String hash = ledger.get("ledger_hash").asText();
            if (c.hash() != null && !c.hash().equals(hash)) {
                problems.add("ledger " + c.seq() + " has hash " + hash + ", not " + c.hash());
            }
            String recomputed = recompute(ledger);
            if (!recomputed.equals(hash)) {
                problems.add("ledger " + c.seq() + "'s header hashes to " + recomputed + ", not " + hash);
            }
            JsonNode parent = ledger(server, c.seq() - 1);
            if (parent != null && !parent.get("ledger_hash").asText().equals(ledger.get("parent_hash").asText())) {
                problems.add("ledger " + c.seq() + " does not follow ledger " + (c.seq() - 1));
            }
            for (String tx : c.txs()) {
                JsonNode found = server.call("tx", JSON.createObjectNode().put("transaction", tx));
                if (found.has("error") || found.path("ledger_index").asLong() != c.seq()) {
                    problems.add("transaction " + tx + " of ledger " + c.seq() + " is not found there: " + found);
                }
            }
        }
        return problems;
    }

    /**
     * Problems with the payments the open ledger took: one whose tesSUCCESS came before a ledger_accept
     * was sent to the same server process that answered is in that ledger or an earlier one (stand-alone,
     * the close takes the whole open ledger; a SIGKILL loses the open ledger, as stoxumd's). Found in the
     * recorded ledgers' transactions, else asked for with {@code tx}.
     */
    static List<String> checkApplied(ChildServer server, PaymentLoad load) throws RpcClientException {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, Long> recorded = new java.util.HashMap<>();
        for (PaymentLoad.Closed c : load.closed.values()) {
            c.txs().forEach(tx -> recorded.put(tx, c.seq()));
        }
        for (PaymentLoad.Applied a : load.applied) {
            PaymentLoad.Closed first = load.closed.values().stream().filter(c -> c.run() == a.run() && c.askedAt() > a.answeredAt())
                    .findFirst().orElse(null);
            if (first == null) {
                continue; // no ledger_accept answered after it: it may have died with the open ledger
            }
            Long seq = recorded.get(a.hash());
            if (seq == null) {
                JsonNode found = server.call("tx", JSON.createObjectNode().put("transaction", a.hash()));
                seq = found.has("ledger_index") && found.path("validated").asBoolean(true)
                        ? found.get("ledger_index").asLong() : null;
            }
            if (seq == null || seq > first.seq()) {
                problems.add("payment " + a.hash() + " answered tesSUCCESS before ledger " + first.seq()
                        + " was asked for, but is " + (seq == null ? "in no ledger" : "in ledger " + seq));
            }
        }
        return problems;
    }

    private static JsonNode ledger(ChildServer server, long seq) throws RpcClientException {
        ObjectNode query = JSON.createObjectNode().put("ledger_index", seq);
        JsonNode answer = server.call("ledger", query);
        return answer.has("error") ? null : answer.get("ledger");
    }

    /** The ledger hash from the header fields the server shows. */
    static String recompute(JsonNode l) {
        LedgerHeader header = new LedgerHeader(l.get("ledger_index").asLong(), l.get("total_coins").asLong(),
                Hash256.fromHex(l.get("parent_hash").asText()), Hash256.fromHex(l.get("transaction_hash").asText()),
                Hash256.fromHex(l.get("account_hash").asText()), l.get("parent_close_time").asLong(),
                l.get("close_time").asLong(), l.get("close_time_resolution").asInt(), l.get("close_flags").asInt());
        return header.hash().toString();
    }
}
