package org.stoxum.storage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafNode;
import org.stoxum.storage.shamap.SHAMapLeafType;
import org.stoxum.storage.shamap.SHAMapTreeNode;
import org.stoxum.storage.shamap.TreeWalk;

/**
 * Rebuilds the state tree, transaction tree and header of four historical ledgers from the leaf bytes
 * in {@code shared/vectors/ledger} and checks every hash the vectors state, leaf by leaf.
 */
class LedgerVectorsTest {
    static Stream<String> files() {
        return Stream.of("38129", "40000", "7501326", "15202439")
                .flatMap(seq -> Stream.of("ledger/ledger-" + seq + ".ripple.json", "ledger/ledger-" + seq + ".stoxum.json"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void rebuildsEveryHash(String file) {
        JsonNode v = SharedVectors.json(file);
        JsonNode expected = v.get("_expected");
        JsonNode derived = v.get("_derived");

        SHAMap state = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        for (JsonNode leaf : derived.get("accountState_leaves")) {
            Hash256 key = Hash256.fromHex(leaf.get("index").asText());
            state.put(key, Hex.decode(leaf.get("blob").asText()));
        }
        for (JsonNode leaf : derived.get("accountState_leaves")) {
            SHAMapLeafNode node = (SHAMapLeafNode) state.get(Hash256.fromHex(leaf.get("index").asText()));
            assertEquals(leaf.get("leaf_hash").asText(), node.hash().toString(), "state leaf " + leaf.get("index"));
        }
        if (expected.get("account_hash_checkable").asBoolean()) {
            assertEquals(expected.get("account_hash").asText(), state.hash().toString(), "account_hash");
        }

        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        for (JsonNode leaf : derived.get("transaction_leaves")) {
            byte[] tx = Hex.decode(leaf.get("tx_blob").asText());
            Hash256 id = Hash256.fromHex(leaf.get("hash").asText());
            assertEquals(id, Hash256.wrap(Sha512Half.of(HashPrefix.TRANSACTION_ID, tx)), "transaction ID");
            TransactionWithMeta twm = new TransactionWithMeta(tx, Hex.decode(leaf.get("meta_blob").asText()));
            txs.put(id, twm.toLeafData());
            SHAMapLeafNode node = (SHAMapLeafNode) txs.get(id);
            assertEquals(leaf.get("leaf_hash").asText(), node.hash().toString(), "tx leaf " + id);
            assertEquals(twm, TransactionWithMeta.fromLeafData(node.data()));
        }
        assertEquals(expected.get("transaction_hash").asText(), txs.hash().toString(), "transaction_hash");

        JsonNode h = expected.get("header");
        LedgerHeader header = new LedgerHeader(
                h.get("ledger_index").asLong(),
                Long.parseLong(h.get("total_coins").asText()),
                Hash256.fromHex(h.get("parent_hash").asText()),
                txs.hash(),
                Hash256.fromHex(h.get("account_hash").asText()),
                h.get("parent_close_time").asLong(),
                h.get("close_time").asLong(),
                h.get("close_time_resolution").asInt(),
                h.get("close_flags").asInt());
        assertEquals(derived.get("header_blob").asText(), Hex.encode(header.toBytes()));
        assertEquals(header, LedgerHeader.fromBytes(header.toBytes()));
        assertEquals(expected.get("ledger_hash").asText(), header.hash().toString(), "ledger_hash");
        assertEquals(v.get("ledger_hash").asText(), header.hash().toString(), "fixture's own ledger_hash");
    }

    /** Every node of the vector trees survives both byte forms with its hash checked. */
    @ParameterizedTest
    @MethodSource("files")
    void nodesRoundTripBothForms(String file) {
        JsonNode derived = SharedVectors.json(file).get("_derived");
        SHAMap state = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        for (JsonNode leaf : derived.get("accountState_leaves")) {
            state.put(Hash256.fromHex(leaf.get("index").asText()), Hex.decode(leaf.get("blob").asText()));
        }
        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        for (JsonNode leaf : derived.get("transaction_leaves")) {
            txs.put(Hash256.fromHex(leaf.get("hash").asText()), new TransactionWithMeta(
                    Hex.decode(leaf.get("tx_blob").asText()), Hex.decode(leaf.get("meta_blob").asText())).toLeafData());
        }
        int[] count = {0};
        for (SHAMap map : new SHAMap[] {state, txs}) {
            TreeWalk.nodes(map.root(), node -> {
                Hash256 hash = node.hash();
                assertEquals(hash, SHAMapTreeNode.fromWire(node.toWire(), hash).hash());
                assertEquals(hash, SHAMapTreeNode.fromPrefixed(node.toPrefixed(), hash).hash());
                if (!hash.isZero()) { // the empty tree's root hashes to zero by definition
                    assertEquals(hash, Hash256.wrap(Sha512Half.of(node.toPrefixed())), "prefixed form hashes to the node hash");
                }
                count[0]++;
            });
        }
        assertTrue(count[0] > 0);
    }
}
