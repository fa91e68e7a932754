package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.TransactionWithMeta;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * Reads a ledger from a rippled JSON dump ({@code --ledgerfile}): the answer of {@code ledger} with
 * {@code full}, {@code expand} and {@code accounts}, bare or wrapped in {@code result}/{@code ledger}. Both
 * trees are rebuilt from the entries and transactions, and the ledger keeps the dump's own header, so it
 * answers with its original hashes; a dump whose contents do not hash to its header is refused.
 */
public final class LedgerDump {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerDump() {
    }

    /**
     * @throws StartupException when the file cannot be read, lacks what a ledger needs, or does not hash to
     *                          the header it states
     */
    public static Ledger load(Path file, NetworkProfile profile, Fees configFees, Set<Hash256> presets) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new StartupException("cannot read ledger file " + file + ": " + e.getMessage(), e);
        }
        if (root.has("result")) {
            root = root.get("result");
        }
        if (root.has("ledger")) {
            root = root.get("ledger");
        }
        try {
            return build(root, profile, configFees, presets, file.toString());
        } catch (CodecException | IllegalArgumentException e) {
            throw new StartupException("ledger file " + file + " is not a usable ledger: " + e.getMessage(), e);
        }
    }

    private static Ledger build(JsonNode l, NetworkProfile profile, Fees configFees, Set<Hash256> presets,
                                String source) {
        JsonNode entries = l.get("accountState");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new StartupException("ledger file " + source + " has no accountState: the state entries are "
                    + "needed (dump it with \"accounts\": true, \"expand\": true)");
        }
        SHAMap state = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        for (JsonNode e : entries) {
            ObjectNode entry = ((ObjectNode) e).deepCopy();
            Hash256 key = Hash256.fromHex(entry.remove("index").asText());
            state.put(key, BinaryCodec.encode(entry, profile));
        }
        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        JsonNode list = l.path("transactions");
        for (JsonNode t : list) {
            if (!t.isObject() || !t.has("metaData")) {
                throw new StartupException("ledger file " + source + " lists transactions without their "
                        + "metadata (dump it with \"transactions\": true, \"expand\": true)");
            }
            ObjectNode tx = ((ObjectNode) t).deepCopy();
            JsonNode meta = tx.remove("metaData");
            tx.remove("hash");
            byte[] txBytes = BinaryCodec.encode(tx, profile);
            byte[] metaBytes = BinaryCodec.encode(meta, profile);
            txs.put(BinaryCodec.transactionId(txBytes), new TransactionWithMeta(txBytes, metaBytes).toLeafData());
        }
        LedgerHeader header = new LedgerHeader(number(l, "ledger_index"),
                number(l, l.has("total_coins") ? "total_coins" : "totalCoins"),
                Hash256.fromHex(l.get("parent_hash").asText()), txs.hash(), state.hash(),
                number(l, "parent_close_time"), number(l, "close_time"),
                (int) number(l, "close_time_resolution"), l.has("close_flags") ? (int) number(l, "close_flags") : 0);
        check(l, "account_hash", header.accountHash(), source);
        check(l, "transaction_hash", header.txHash(), source);
        check(l, "ledger_hash", header.hash(), source);
        return Ledger.of(header, state, txs, configFees, presets);
    }

    private static long number(JsonNode l, String field) {
        JsonNode v = l.get(field);
        if (v == null) {
            throw new IllegalArgumentException("the header lacks " + field);
        }
        return v.isNumber() ? v.longValue() : Long.parseLong(v.asText());
    }

    private static void check(JsonNode l, String field, Hash256 computed, String source) {
        JsonNode stated = l.get(field);
        if (stated != null && !Hash256.fromHex(stated.asText()).equals(computed)) {
            throw new StartupException("ledger file " + source + ": its contents hash to " + field + " "
                    + computed + " but it states " + stated.asText());
        }
    }
}
