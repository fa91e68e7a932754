package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.storage.nodestore.StoredTransaction;

/**
 * The deprecated {@code account_tx} form (stoxumd's {@code AccountTxOld}), still what stoxumd's own command
 * line sends: paging by {@code offset} and {@code limit} instead of a marker, oldest first unless
 * {@code descending}, and the answer echoing {@code offset}, the returned {@code count} when asked, and
 * whether the whole range is {@code validated}. Unlike the new form, the range given is not clipped to the
 * validated ledgers.
 */
final class AccountTxOld {
    /** Offsets past this are refused: the form reads and drops every skipped entry. */
    static final long MAX_OFFSET = 3000;
    private static final int JSON_PAGE = 200;
    private static final int BINARY_PAGE = 500;
    private static final long U32 = 0xFFFF_FFFFL;

    private AccountTxOld() {
    }

    /** True when a request uses one of the old form's parameters (stoxumd's {@code AccountTxSwitch}). */
    static boolean wanted(RpcContext ctx) {
        return ctx.has("offset") || ctx.has("count") || ctx.has("descending") || ctx.has("ledger_max")
                || ctx.has("ledger_min");
    }

    static ObjectNode accountTx(RpcContext ctx) {
        long offset = ctx.has("offset") ? asUInt(ctx.param("offset")) : 0;
        int limit = ctx.has("limit") ? (int) asUInt(ctx.param("limit")) : -1;
        boolean binary = ctx.flag("binary");
        boolean descending = ctx.flag("descending");
        boolean count = ctx.flag("count");
        TransactionCommands.ValidatedRange valid = TransactionCommands.validatedRange(ctx.ledgers());
        if (!ctx.has("account")) {
            return RpcError.INVALID_PARAMS.make();
        }
        Optional<AccountId> account = Accounts.parseAddress(ctx.param("account"), ctx.profile());
        if (account.isEmpty()) {
            return RpcError.ACT_MALFORMED.make();
        }
        if (offset > MAX_OFFSET) {
            return RpcError.ATX_DEPRECATED.make();
        }
        ctx.charge(Charge.HIGH_BURDEN_RPC);
        // the deprecated names set the range and force newest-first
        if (ctx.has("ledger_min")) {
            ctx.params().set("ledger_index_min", ctx.param("ledger_min"));
            descending = true;
        }
        if (ctx.has("ledger_max")) {
            ctx.params().set("ledger_index_max", ctx.param("ledger_max"));
            descending = true;
        }
        long min;
        long max;
        if (ctx.has("ledger_index_min") || ctx.has("ledger_index_max")) {
            long iMin = ctx.has("ledger_index_min") ? asInt(ctx.param("ledger_index_min")) : -1;
            long iMax = ctx.has("ledger_index_max") ? asInt(ctx.param("ledger_index_max")) : -1;
            if (valid == null && (iMin == -1 || iMax == -1)) {
                return RpcError.LGR_IDXS_INVALID.make();
            }
            min = iMin == -1 ? valid.min() : iMin & U32;
            max = iMax == -1 ? valid.max() : iMax & U32;
            if (max < min) {
                return RpcError.LGR_IDXS_INVALID.make();
            }
        } else {
            ObjectNode found = RpcContext.object();
            ReadView ledger = LedgerLookup.lookup(ctx, found);
            if (!found.path("validated").asBoolean() || valid == null || ledger.seq() > valid.max()
                    || ledger.seq() < valid.min()) {
                return RpcError.LGR_NOT_VALIDATED.make();
            }
            min = ledger.seq();
            max = ledger.seq();
        }
        List<StoredTransaction> found = ctx.ledgers().store().accountTransactions(account.get(),
                lowerBound(min), upperBound(max), descending, (int) offset, pageSize(limit, binary, ctx.unlimited()));
        ObjectNode out = RpcContext.object();
        out.put("account", account.get().toAddress(ctx.profile()));
        ArrayNode txs = out.putArray("transactions");
        for (StoredTransaction s : found) {
            txs.add(TransactionCommands.historyEntry(s, binary, valid, ctx));
        }
        out.put("ledger_index_min", min);
        out.put("ledger_index_max", max);
        out.put("validated", valid != null && valid.min() <= min && valid.max() >= max);
        out.put("offset", offset);
        if (count) {
            out.put("count", found.size());
        }
        if (ctx.has("limit")) {
            out.put("limit", limit);
        }
        return out;
    }

    /**
     * How many entries one answer holds (stoxumd's {@code transactionsSQL}): a page without a limit, the
     * limit capped at a page for limited callers, the limit itself for unlimited ones.
     */
    private static int pageSize(int limit, boolean binary, boolean unlimited) {
        int page = binary ? BINARY_PAGE : JSON_PAGE;
        if (limit < 0) {
            return page;
        }
        return unlimited ? limit : Math.min(page, limit);
    }

    /**
     * The lowest ledger the query reads. stoxumd passes the range to SQL as signed 32-bit numbers: -1 means
     * no bound, and another negative bound compares below every ledger.
     */
    private static long lowerBound(long min) {
        return (int) min < 0 ? 0 : min;
    }

    /** The highest ledger the query reads: no bound at -1, none at all below that (see {@link #lowerBound}). */
    private static long upperBound(long max) {
        int signed = (int) max;
        return signed == -1 ? U32 : signed < 0 ? -1 : max;
    }

    /** rippled's {@code asUInt}: a negative or non-numeric value is an error (answered {@code internal}). */
    private static long asUInt(JsonNode v) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= U32) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && v.doubleValue() >= 0 && v.doubleValue() <= U32) {
            return (long) v.doubleValue();
        }
        if (v.isTextual() && v.textValue().matches("\\d{1,10}") && Long.parseLong(v.textValue()) <= U32) {
            return Long.parseLong(v.textValue());
        }
        throw new IllegalArgumentException("not convertible to an unsigned integer: " + v);
    }

    /** rippled's {@code asInt}: a signed 32-bit number, else an error (answered {@code internal}). */
    private static long asInt(JsonNode v) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isFloatingPointNumber() && v.doubleValue() >= Integer.MIN_VALUE && v.doubleValue() <= Integer.MAX_VALUE) {
            return (long) v.doubleValue();
        }
        if (v.isTextual() && v.textValue().matches("-?\\d{1,10}")) {
            long n = Long.parseLong(v.textValue());
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return n;
            }
        }
        throw new IllegalArgumentException("not convertible to an integer: " + v);
    }
}
