package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.storage.nodestore.NodeStore;

/**
 * {@code can_delete} (admin): with {@code advisory_delete}, how far online delete may reclaim ledgers.
 * Without a {@code can_delete} member it answers the stored limit; with one it sets and answers it. The
 * value is a ledger sequence (number or decimal string), a ledger hash, {@code now} (the ledger the last
 * rotation started from), {@code always} (2^32-1) or {@code never} (0), as stoxumd reads it: case-blind,
 * and a digit string too long for 32 bits counts as 0.
 */
final class CanDelete {
    private static final long MAX_SEQ = 0xFFFF_FFFFL;

    private CanDelete() {
    }

    static ObjectNode canDelete(RpcContext ctx) {
        NodeStore store = ctx.ledgers().store();
        if (!store.advisoryDelete()) {
            return RpcError.NOT_ENABLED.make();
        }
        ObjectNode out = RpcContext.object();
        JsonNode value = ctx.params().get("can_delete");
        if (value == null) {
            out.put("can_delete", store.canDelete());
            return out;
        }
        long seq = requested(ctx, store, value);
        store.setCanDelete(seq);
        out.put("can_delete", seq);
        return out;
    }

    private static long requested(RpcContext ctx, NodeStore store, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0
                && value.longValue() <= MAX_SEQ) {
            return value.longValue();
        }
        String text = RippledJsonValues.asString(value);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul); // the original reads the value as a C string
        }
        text = text.toLowerCase(Locale.ROOT);
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return decimalOrZero(text);
        }
        switch (text) {
            case "never":
                return 0;
            case "always":
                return MAX_SEQ;
            case "now":
                long rotated = store.lastRotated();
                if (rotated == 0) {
                    throw RpcFailure.of(RpcError.NOT_READY);
                }
                return rotated;
            default:
                break;
        }
        if (text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            var ledger = ctx.ledgers().ledgerByHash(Hash256.fromHex(text));
            if (ledger == null) {
                throw RpcFailure.of(RpcError.LGR_NOT_FOUND, "ledgerNotFound");
            }
            return ledger.seq();
        }
        throw RpcFailure.of(RpcError.INVALID_PARAMS);
    }

    /** The original's lenient 32-bit cast: the empty string and anything past 2^32-1 give 0. */
    private static long decimalOrZero(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || significant.length() > 10) {
            return 0;
        }
        long v = Long.parseLong(significant);
        return v > MAX_SEQ ? 0 : v;
    }
}
