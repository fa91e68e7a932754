package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Writes {@link STObject}s as rippled's {@code getJson} does: UInt64 as 16 upper-case hex digits, other
 * integers as numbers except TransactionType and LedgerEntryType (by name) and TransactionResult (by token)
 * when known, hashes and blobs as upper-case hex, accounts as addresses ("" when unset), path steps with
 * their {@code type} and {@code type_hex}, arrays as lists of single-key objects.
 */
final class STJsonWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private STJsonWriter() {
    }

    static ObjectNode write(STObject o, NetworkProfile profile) {
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < o.fieldCount(); i++) {
            SField f = o.fieldAt(i);
            // A later duplicate overwrites an earlier one, as assigning a Json::Value member does.
            out.set(f.name(), value(f, o.valueAt(i), profile));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static JsonNode value(SField f, Object v, NetworkProfile profile) {
        return switch (f.type()) {
            case UINT8 -> uint8(f, (Integer) v);
            case UINT16 -> uint16(f, (Integer) v);
            case UINT32 -> NODES.numberNode((Long) v);
            case UINT64 -> NODES.textNode(hex64((Long) v));
            case HASH128, HASH160, BLOB -> NODES.textNode(Hex.encode((byte[]) v));
            case HASH256 -> NODES.textNode(v.toString());
            case AMOUNT -> ((STAmount) v).toJson(profile);
            case ACCOUNT_ID -> NODES.textNode(v == STValues.EMPTY_ACCOUNT ? "" : ((AccountId) v).toAddress(profile));
            case VECTOR256 -> {
                ArrayNode a = NODES.arrayNode();
                for (Hash256 h : (List<Hash256>) v) {
                    a.add(h.toString());
                }
                yield a;
            }
            case PATHSET -> pathSet((STPathSet) v, profile);
            case OBJECT -> write((STObject) v, profile);
            case ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (STObject e : (STArray) v) {
                    ObjectNode wrapper = NODES.objectNode();
                    wrapper.set(e.name().name(), write(e, profile));
                    a.add(wrapper);
                }
                yield a;
            }
            default -> throw new IllegalStateException("no JSON form for " + f);
        };
    }

    private static JsonNode uint8(SField f, int v) {
        if (f == SField.TRANSACTION_RESULT) {
            TER ter = TER.fromCode(v);
            if (ter != null) {
                return NODES.textNode(ter.token());
            }
        }
        return NODES.numberNode(v);
    }

    private static JsonNode uint16(SField f, int v) {
        if (f == SField.LEDGER_ENTRY_TYPE) {
            LedgerEntryType t = LedgerEntryType.fromCode(v);
            if (t != null) {
                return NODES.textNode(t.jsonName());
            }
        } else if (f == SField.TRANSACTION_TYPE) {
            TxType t = TxType.fromCode(v);
            if (t != null) {
                return NODES.textNode(t.jsonName());
            }
        }
        return NODES.numberNode(v);
    }

    /** A u64 as rippled's {@code strHex}: 16 upper-case digits. */
    static String hex64(long v) {
        String h = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0000000000000000".substring(h.length()) + h;
    }

    private static ArrayNode pathSet(STPathSet set, NetworkProfile profile) {
        ArrayNode paths = NODES.arrayNode();
        for (List<STPathElement> path : set.paths()) {
            ArrayNode steps = NODES.arrayNode();
            for (STPathElement e : path) {
                ObjectNode step = NODES.objectNode();
                if (e.hasAccount()) {
                    step.put("account", e.account().toAddress(profile));
                }
                if (e.hasCurrency()) {
                    step.put("currency", e.currency().toJson(profile));
                }
                if (e.hasIssuer()) {
                    step.put("issuer", e.issuer().toAddress(profile));
                }
                step.put("type", e.type());
                step.put("type_hex", hex64(e.type()));
                steps.add(step);
            }
            paths.add(steps);
        }
        return paths;
    }
}
