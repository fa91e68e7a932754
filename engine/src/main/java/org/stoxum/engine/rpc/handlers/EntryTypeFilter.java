package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.engine.rpc.server.RpcError;

/** The {@code type} filter of ledger, ledger_data and account_objects (rippled's {@code chooseLedgerEntryType}). */
final class EntryTypeFilter {
    private static final Map<String, LedgerEntryType> TYPES = Map.ofEntries(
            Map.entry("account", LedgerEntryType.ACCOUNT_ROOT),
            Map.entry("amendments", LedgerEntryType.AMENDMENTS),
            Map.entry("check", LedgerEntryType.CHECK),
            Map.entry("directory", LedgerEntryType.DIRECTORY_NODE),
            Map.entry("escrow", LedgerEntryType.ESCROW),
            Map.entry("fee", LedgerEntryType.FEE_SETTINGS),
            Map.entry("hashes", LedgerEntryType.LEDGER_HASHES),
            Map.entry("offer", LedgerEntryType.OFFER),
            Map.entry("payment_channel", LedgerEntryType.PAY_CHANNEL),
            Map.entry("signer_list", LedgerEntryType.SIGNER_LIST),
            Map.entry("state", LedgerEntryType.RIPPLE_STATE),
            Map.entry("ticket", LedgerEntryType.TICKET));

    private EntryTypeFilter() {
    }

    /**
     * The type the request asks for, or null for every type.
     *
     * @throws RpcFailure invalidParams when {@code type} is not a string or not a known name
     */
    static LedgerEntryType read(RpcContext ctx) {
        JsonNode v = ctx.param("type");
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Invalid field 'type', not string.");
        }
        LedgerEntryType t = TYPES.get(v.textValue());
        if (t == null) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Invalid field 'type'.");
        }
        return t;
    }
}
