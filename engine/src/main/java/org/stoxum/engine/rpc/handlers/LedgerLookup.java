package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;

/**
 * Finds the ledger a request names (rippled's {@code lookupLedger}): {@code ledger_hash}, or
 * {@code ledger_index} as a number or {@code "validated"}, {@code "closed"}, {@code "current"} (the
 * default), or the legacy {@code ledger} (a hash when longer than 12 characters). The answer gets
 * {@code ledger_hash}/{@code ledger_index} for a closed ledger or {@code ledger_current_index} for the open
 * one, and {@code validated}.
 */
public final class LedgerLookup {
    /** A ledger more than this far behind the validated one counts as unavailable. */
    private static final long MIN_SEQUENCE_GAP = 10;

    private LedgerLookup() {
    }

    /** The ledger the request names, with its fields written into {@code result}; throws the error. */
    public static ReadView lookup(RpcContext ctx, ObjectNode result) {
        ReadView ledger = find(ctx);
        describe(ctx.ledgers(), ledger, result);
        return ledger;
    }

    /** Writes the fields that say which ledger answered. */
    public static void describe(LedgerMaster lm, ReadView ledger, ObjectNode result) {
        if (!ledger.open()) {
            result.put("ledger_hash", ledger.hash().toString());
            result.put("ledger_index", ledger.seq());
        } else {
            result.put("ledger_current_index", ledger.seq());
        }
        result.put("validated", isValidated(lm, ledger));
    }

    /** True when {@code ledger} is closed and on the validated chain. */
    public static boolean isValidated(LedgerMaster lm, ReadView ledger) {
        if (ledger.open() || ledger.seq() > lm.validLedgerIndex()) {
            return false;
        }
        Hash256 hash = lm.hashBySeq(ledger.seq());
        return hash != null && hash.equals(ledger.hash());
    }

    /** The ledger the request names, or the {@link RpcFailure} rippled answers. */
    public static ReadView find(RpcContext ctx) {
        LedgerMaster lm = ctx.ledgers();
        ObjectNode params = ctx.params();
        JsonNode indexValue = params.get("ledger_index");
        JsonNode hashValue = params.get("ledger_hash");
        JsonNode legacy = params.get("ledger");
        if (RippledJsonValues.truthy(legacy)) {
            if (text(legacy).length() > 12) {
                hashValue = legacy;
            } else {
                indexValue = legacy;
            }
        }
        if (RippledJsonValues.truthy(hashValue)) {
            if (!hashValue.isTextual()) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS, "ledgerHashNotString");
            }
            Hash256 hash = parseHash(hashValue.textValue());
            if (hash == null) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS, "ledgerHashMalformed");
            }
            ReadView l = lm.ledgerByHash(hash);
            if (l == null) {
                throw RpcFailure.of(RpcError.LGR_NOT_FOUND, "ledgerNotFound");
            }
            return l;
        }
        if (indexValue != null && (indexValue.isNumber() || indexValue.isBoolean())) {
            long seq = indexValue.isBoolean() ? (indexValue.booleanValue() ? 1 : 0) : asInt(indexValue);
            ReadView l = lm.ledgerBySeq(seq);
            if (l == null) {
                ReadView cur = lm.currentLedger();
                if (cur.seq() == seq) {
                    l = cur;
                }
            }
            if (l == null) {
                throw RpcFailure.of(RpcError.LGR_NOT_FOUND, "ledgerNotFound");
            }
            return l;
        }
        String index = text(indexValue);
        if (index.equals("validated")) {
            return lm.validatedLedger();
        }
        ReadView l;
        if (index.isEmpty() || index.equals("current")) {
            l = lm.currentLedger();
        } else if (index.equals("closed")) {
            l = lm.closedLedger();
        } else {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "ledgerIndexMalformed");
        }
        if (l.seq() + MIN_SEQUENCE_GAP < lm.validLedgerIndex()) {
            throw RpcFailure.of(RpcError.NO_NETWORK, "InsufficientNetworkMode");
        }
        return l;
    }

    /** rippled's {@code asInt}: doubles truncate; values beyond 32 bits cannot be read (an internal error). */
    private static long asInt(JsonNode v) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt()) {
                throw new IllegalArgumentException("integer out of signed 32-bit range");
            }
            return v.intValue();
        }
        double d = v.doubleValue();
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("real out of signed 32-bit range");
        }
        return (long) d;
    }

    /** rippled's {@code asString}, which cannot read arrays or objects (an internal error). */
    private static String text(JsonNode v) {
        if (v != null && v.isContainerNode()) {
            throw new IllegalArgumentException("Type is not convertible to string");
        }
        return RippledJsonValues.asString(v);
    }

    /** 64 hex digits, or null. */
    public static Hash256 parseHash(String s) {
        if (s.length() != 64) {
            return null;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return null;
            }
        }
        return Hash256.fromHex(s);
    }
}
