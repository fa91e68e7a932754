package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerEntry;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.engine.tx.queue.TxQ;

/** {@code ledger}, {@code ledger_data} and {@code ledger_entry}: a ledger's header, state and entries. */
public final class LedgerCommands {
    private static final int BINARY_PAGE = 2048;
    private static final int JSON_PAGE = 256;

    private LedgerCommands() {
    }

    /** {@code ledger}: one ledger, or with no selector the open and closed ones. */
    public static ObjectNode ledger(RpcContext ctx) {
        ObjectNode params = ctx.params();
        LedgerMaster lm = ctx.ledgers();
        if (!params.has("ledger") && !params.has("ledger_hash") && !params.has("ledger_index")) {
            ObjectNode out = RpcContext.object();
            out.set("closed", wrap(LedgerJson.of(lm.closedLedger(), 0, null, ctx.profile())));
            out.set("open", wrap(LedgerJson.of(lm.currentLedger(), 0, null, ctx.profile())));
            return out;
        }
        ObjectNode out = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, out);
        boolean full = ctx.flag("full");
        boolean accounts = ctx.flag("accounts");
        boolean binary = ctx.flag("binary");
        boolean queue = ctx.flag("queue");
        LedgerEntryType type = EntryTypeFilter.read(ctx);
        int options = (full ? LedgerJson.FULL : 0) | (ctx.flag("expand") ? LedgerJson.EXPAND : 0)
                | (ctx.flag("transactions") ? LedgerJson.TRANSACTIONS : 0) | (accounts ? LedgerJson.ACCOUNTS : 0)
                | (binary ? LedgerJson.BINARY : 0);
        if (full || accounts) {
            if (!ctx.unlimited()) {
                throw RpcFailure.of(RpcError.NO_PERMISSION);
            }
            ctx.charge(binary ? Charge.MEDIUM_BURDEN_RPC : Charge.HIGH_BURDEN_RPC);
        }
        if (queue && !ledger.open()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS);
        }
        out.set("ledger", LedgerJson.of(ledger, options, type, ctx.profile()));
        if (queue) {
            List<TxQ.QueuedTx> queued = ctx.app().feeEscalation().queue().txs(ledger);
            if (!queued.isEmpty()) {
                out.set("queue_data", QueueJson.ledger(queued, options, ctx.profile()));
            }
        }
        return out;
    }

    private static ObjectNode wrap(ObjectNode ledger) {
        ObjectNode o = RpcContext.object();
        o.set("ledger", ledger);
        return o;
    }

    /** {@code ledger_data}: a page of a ledger's state entries, after {@code marker}. */
    public static ObjectNode ledgerData(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, out);
        JsonNode marker = ctx.param("marker");
        Hash256 after = null;
        if (ctx.has("marker")) {
            after = marker != null && marker.isTextual() ? LedgerLookup.parseHash(marker.textValue()) : null;
            if (after == null) {
                return RpcError.expectedField("marker", "valid");
            }
        }
        boolean binary = ctx.flag("binary");
        long limit = -1;
        if (ctx.has("limit")) {
            JsonNode l = ctx.param("limit");
            if (l == null || !(l.isIntegralNumber() || l.isBoolean())) {
                return RpcError.expectedField("limit", "integer");
            }
            limit = l.isBoolean() ? (l.booleanValue() ? 1 : 0) : l.longValue();
        }
        int max = binary ? BINARY_PAGE : JSON_PAGE;
        if (limit < 0 || (limit > max && !ctx.unlimited())) {
            limit = max;
        }
        out.put("ledger_hash", ledger.hash().toString());
        out.put("ledger_index", ledger.seq());
        if (after == null) {
            out.set("ledger", LedgerJson.of(ledger, binary ? LedgerJson.BINARY : 0, null, ctx.profile()));
        }
        LedgerEntryType type;
        try {
            type = EntryTypeFilter.read(ctx);
        } catch (RpcFailure e) {
            return e.answer();
        }
        ArrayNode state = out.putArray("state");
        for (Iterator<LedgerEntry> it = ledger.entries(after); it.hasNext(); ) {
            LedgerEntry e = it.next();
            if (limit-- <= 0) {
                out.put("marker", minusOne(e.key()).toString());
                break;
            }
            if (type != null && e.sle().getU16(SField.LEDGER_ENTRY_TYPE) != type.code()) {
                continue;
            }
            if (binary) {
                ObjectNode entry = state.addObject();
                entry.put("data", Json.hex(e.bytes()));
                entry.put("index", e.key().toString());
            } else {
                state.add(Json.entry(e.key(), e.sle(), ctx.profile()));
            }
        }
        return out;
    }

    private static Hash256 minusOne(Hash256 key) {
        BigInteger v = new BigInteger(1, key.toBytes()).subtract(BigInteger.ONE);
        byte[] raw = v.toByteArray();
        byte[] out = new byte[Hash256.LENGTH];
        int n = Math.min(raw.length, Hash256.LENGTH);
        System.arraycopy(raw, raw.length - n, out, Hash256.LENGTH - n, n);
        return Hash256.wrap(out);
    }

    /** {@code ledger_entry}: one state entry, by key or by what identifies it. */
    public static ObjectNode ledgerEntry(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, out);
        ObjectNode params = ctx.params();
        Hash256 key = null;
        boolean binary = false;
        if (params.has("index")) {
            key = hexKey(params.get("index"));
            binary = true;
        } else if (params.has("account_root")) {
            Optional<AccountId> account = Accounts.parseAddress(params.get("account_root"), ctx.profile());
            if (account.isEmpty() || account.get().equals(AccountId.ZERO)) {
                out.put("error", "malformedAddress");
            } else {
                key = Keylets.account(account.get()).key();
            }
        } else if (params.has("directory")) {
            key = directoryKey(params.get("directory"), out, ctx);
        } else if (params.has("generator")) {
            out.put("error", "deprecatedFeature");
        } else if (params.has("offer")) {
            JsonNode offer = params.get("offer");
            if (!offer.isObject()) {
                key = hexKey(offer);
            } else if (!offer.has("account") || !offer.has("seq") || !offer.get("seq").isIntegralNumber()) {
                out.put("error", "malformedRequest");
            } else {
                Optional<AccountId> id = Accounts.parseAddress(offer.get("account"), ctx.profile());
                if (id.isEmpty()) {
                    out.put("error", "malformedAddress");
                } else {
                    key = Keylets.offer(id.get(), offer.get("seq").longValue() & 0xFFFF_FFFFL).key();
                }
            }
        } else if (params.has("ripple_state")) {
            key = rippleStateKey(params.get("ripple_state"), out, ctx);
        } else {
            out.put("error", "unknownOption");
        }
        if (key != null && !key.equals(Hash256.ZERO)) {
            LedgerEntry entry = find(ledger, key);
            if (params.has("binary")) {
                binary = ctx.flag("binary");
            }
            if (entry == null) {
                out.put("error", "entryNotFound");
            } else if (binary) {
                out.put("node_binary", Json.hex(entry.bytes()));
                out.put("index", key.toString());
            } else {
                out.set("node", Json.entry(key, entry.sle(), ctx.profile()));
                out.put("index", key.toString());
            }
        }
        return out;
    }

    private static LedgerEntry find(ReadView ledger, Hash256 key) {
        STObject sle = ledger.read(Keylets.unchecked(key));
        return sle == null ? null : LedgerEntry.ofObject(key, sle);
    }

    /** A key given as hex, or zero (no lookup) when it is not 64 hex digits, as rippled's SetHex leaves it. */
    private static Hash256 hexKey(JsonNode v) {
        Hash256 h = v != null && v.isTextual() ? LedgerLookup.parseHash(v.textValue()) : null;
        return h == null ? Hash256.ZERO : h;
    }

    private static Hash256 directoryKey(JsonNode dir, ObjectNode out, RpcContext ctx) {
        if (!dir.isObject()) {
            return hexKey(dir);
        }
        if (dir.has("sub_index") && !dir.get("sub_index").isIntegralNumber()) {
            out.put("error", "malformedRequest");
            return null;
        }
        long sub = dir.has("sub_index") ? dir.get("sub_index").longValue() & 0xFFFF_FFFFL : 0;
        if (dir.has("dir_root")) {
            return Keylets.page(hexKey(ctx.param("dir_root")), sub).key();
        }
        if (dir.has("owner")) {
            Optional<AccountId> owner = Accounts.parseAddress(dir.get("owner"), ctx.profile());
            if (owner.isEmpty()) {
                out.put("error", "malformedAddress");
                return null;
            }
            return Keylets.page(Keylets.ownerDir(owner.get()), sub).key();
        }
        out.put("error", "malformedRequest");
        return null;
    }

    private static Hash256 rippleStateKey(JsonNode rs, ObjectNode out, RpcContext ctx) {
        JsonNode accounts = rs.get("accounts");
        if (!rs.isObject() || !rs.has("currency") || accounts == null || !accounts.isArray() || accounts.size() != 2
                || !accounts.get(0).isTextual() || !accounts.get(1).isTextual()
                || accounts.get(0).textValue().equals(accounts.get(1).textValue())) {
            out.put("error", "malformedRequest");
            return null;
        }
        Optional<AccountId> a = Accounts.parseAddress(accounts.get(0), ctx.profile());
        Optional<AccountId> b = Accounts.parseAddress(accounts.get(1), ctx.profile());
        if (a.isEmpty() || b.isEmpty()) {
            out.put("error", "malformedAddress");
            return null;
        }
        Currency currency;
        try {
            currency = Currency.fromJson(rs.get("currency").asText(), ctx.profile());
        } catch (RuntimeException e) {
            out.put("error", "malformedCurrency");
            return null;
        }
        return Keylets.line(a.get(), b.get(), currency).key();
    }
}
