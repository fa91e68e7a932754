package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.engine.app.TransactionMaster;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.storage.nodestore.AccountTxMarker;
import org.stoxum.storage.nodestore.AccountTxPage;
import org.stoxum.storage.nodestore.StoredTransaction;

/** {@code tx}, {@code transaction_entry} and {@code account_tx}: transactions and their outcomes. */
public final class TransactionCommands {
    /** account_tx pages for limited callers. */
    private static final int JSON_PAGE = 200;
    private static final int BINARY_PAGE = 500;
    /** From this close time on, a payment's delivered amount is its Amount when metadata does not say. */
    private static final long DELIVERED_AMOUNT_TIME = 446_000_000L;
    private static final long DELIVERED_AMOUNT_LEDGER = 4_594_095L;

    private TransactionCommands() {
    }

    /** {@code tx}: a transaction the node knows, with its metadata when it is in a ledger. */
    public static ObjectNode tx(RpcContext ctx) {
        if (!ctx.has("transaction")) {
            return RpcError.INVALID_PARAMS.make();
        }
        boolean binary = ctx.flag("binary");
        String text = ctx.string("transaction");
        Hash256 id = LedgerLookup.parseHash(text);
        if (id == null) {
            return RpcError.NOT_IMPL.make();
        }
        TransactionMaster.Known known = ctx.app().transactions().fetch(id);
        if (known == null) {
            return RpcError.TXN_NOT_FOUND.make();
        }
        LedgerMaster lm = ctx.ledgers();
        ObjectNode out = txJson(known.id(), known.tx(), known.bytes(), binary, ctx.profile());
        if (known.ledgerSeq() == 0) {
            return out;
        }
        inLedger(out, known.ledgerSeq(), lm);
        Ledger ledger = lm.ledgerBySeq(known.ledgerSeq());
        if (ledger == null) {
            return out;
        }
        LedgerTx inLedger = ledger.txRead(id);
        if (inLedger == null || !inLedger.hasMeta()) {
            return out;
        }
        if (binary) {
            out.put("meta", Json.hex(inLedger.metaBytes()));
        } else {
            ObjectNode meta = inLedger.meta().toJson(ctx.profile());
            deliveredAmount(meta, inLedger.tx(), inLedger.meta(), ledger.seq(), ledger.closeTime(), ctx.profile());
            out.set("meta", meta);
        }
        out.put("validated", lm.haveLedger(ledger.seq()) && LedgerLookup.isValidated(lm, ledger));
        return out;
    }

    /** A transaction as {@code tx} and {@code account_tx} show it: its JSON (or hex) and its hash. */
    private static ObjectNode txJson(Hash256 id, STObject tx, byte[] bytes, boolean binary, NetworkProfile profile) {
        if (!binary) {
            return Json.tx(id, tx, profile);
        }
        ObjectNode out = RpcContext.object();
        out.put("tx", Json.hex(bytes));
        out.put("hash", id.toString());
        return out;
    }

    /** The fields of a transaction in a ledger: {@code inLedger}, {@code ledger_index} and {@code date}. */
    private static void inLedger(ObjectNode out, long seq, LedgerMaster lm) {
        out.put("inLedger", seq);
        out.put("ledger_index", seq);
        long closeTime = lm.closeTimeBySeq(seq);
        if (closeTime >= 0) {
            out.put("date", closeTime);
        }
    }

    /** rippled's {@code addPaymentDeliveredAmount}: what a successful payment delivered. */
    static void deliveredAmount(ObjectNode meta, STObject tx, STObject txMeta, long ledgerSeq, long closeTime,
                                NetworkProfile profile) {
        if (tx.getU16(SField.TRANSACTION_TYPE) != TxType.PAYMENT.code()) {
            return;
        }
        if (TER.fromCode(txMeta.getU8(SField.TRANSACTION_RESULT)) != TER.tesSUCCESS) {
            return;
        }
        if (txMeta.isPresent(SField.DELIVERED_AMOUNT)) {
            meta.set("delivered_amount", txMeta.getAmount(SField.DELIVERED_AMOUNT).toJson(profile));
        } else if (ledgerSeq >= DELIVERED_AMOUNT_LEDGER || closeTime > DELIVERED_AMOUNT_TIME) {
            meta.set("delivered_amount", tx.getAmount(SField.AMOUNT).toJson(profile));
        } else {
            meta.put("delivered_amount", "unavailable");
        }
    }

    /** {@code transaction_entry}: a transaction of one closed ledger with its metadata. */
    public static ObjectNode transactionEntry(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, out);
        if (!ctx.has("tx_hash")) {
            out.put("error", "fieldNotFoundTransaction");
        } else if (!out.has("ledger_hash")) {
            out.put("error", "notYetImplemented");
        } else {
            Hash256 id = LedgerLookup.parseHash(ctx.string("tx_hash"));
            LedgerTx tx = id == null ? null : ledger.txRead(id);
            if (tx == null) {
                out.put("error", "transactionNotFound");
            } else {
                out.set("tx_json", Json.tx(tx.id(), tx.tx(), ctx.profile()));
                if (tx.hasMeta()) {
                    out.set("metadata", tx.meta().toJson(ctx.profile()));
                }
            }
        }
        return out;
    }

    /**
     * The ledgers whose history is complete and validated (rippled's {@code getValidatedRange}), or null when
     * the node has no validated ledger yet.
     */
    static ValidatedRange validatedRange(LedgerMaster lm) {
        if (lm.validatedLedger() == null || lm.validLedgerIndex() < lm.firstCompleteLedger()) {
            return null;
        }
        return new ValidatedRange(lm.firstCompleteLedger(), lm.validLedgerIndex());
    }

    /** A range of validated ledgers, both ends included. */
    record ValidatedRange(long min, long max) {
        boolean contains(long seq) {
            return seq >= min && seq <= max;
        }
    }

    /**
     * {@code account_tx}: a page of an account's validated transactions; requests with the deprecated
     * parameters get the old form's answer (stoxumd's {@code AccountTxSwitch}).
     */
    public static ObjectNode accountTx(RpcContext ctx) {
        if (AccountTxOld.wanted(ctx)) {
            return AccountTxOld.accountTx(ctx);
        }
        LedgerMaster lm = ctx.ledgers();
        JsonNode limitParam = ctx.param("limit");
        long limit = limitParam == null ? -1 : limitParam.asLong();
        boolean binary = ctx.flag("binary");
        boolean forward = ctx.flag("forward");
        ValidatedRange valid = validatedRange(lm);
        if (valid == null) {
            return RpcError.LGR_IDXS_INVALID.make();
        }
        long validatedMin = valid.min();
        long validatedMax = valid.max();
        if (!ctx.has("account")) {
            return RpcError.INVALID_PARAMS.make();
        }
        Optional<AccountId> account = Accounts.parseAddress(ctx.param("account"), ctx.profile());
        if (account.isEmpty()) {
            return RpcError.ACT_MALFORMED.make();
        }
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        long min;
        long max;
        if (ctx.has("ledger_index_min") || ctx.has("ledger_index_max")) {
            long iMin = ctx.has("ledger_index_min") ? ctx.param("ledger_index_min").asInt() : -1;
            long iMax = ctx.has("ledger_index_max") ? ctx.param("ledger_index_max").asInt() : -1;
            min = iMin == -1 ? validatedMin : Math.max(iMin, validatedMin);
            max = iMax == -1 ? validatedMax : Math.min(iMax, validatedMax);
            if (max < min) {
                return RpcError.LGR_IDXS_INVALID.make();
            }
        } else if (ctx.has("ledger_hash") || ctx.has("ledger_index")) {
            ObjectNode found = RpcContext.object();
            ReadView ledger = LedgerLookup.lookup(ctx, found);
            if (!found.path("validated").asBoolean() || ledger.seq() > validatedMax || ledger.seq() < validatedMin) {
                return RpcError.LGR_NOT_VALIDATED.make();
            }
            min = ledger.seq();
            max = ledger.seq();
        } else {
            min = validatedMin;
            max = validatedMax;
        }
        AccountTxMarker marker = null;
        JsonNode m = ctx.param("marker");
        if (m != null && m.isObject() && m.has("ledger") && m.has("seq")) {
            marker = new AccountTxMarker(m.get("ledger").asLong(), m.get("seq").asLong());
        }
        int page = binary ? BINARY_PAGE : JSON_PAGE;
        int count = limit <= 0 || (limit > page && !ctx.unlimited()) ? page : (int) Math.min(limit, Integer.MAX_VALUE);
        AccountTxPage result = lm.store().accountTransactions(account.get(), min, max, forward, marker, count);
        ObjectNode out = RpcContext.object();
        out.put("account", account.get().toAddress(ctx.profile()));
        ArrayNode txs = out.putArray("transactions");
        for (StoredTransaction s : result.transactions()) {
            txs.add(historyEntry(s, binary, valid, ctx));
        }
        out.put("ledger_index_min", min);
        out.put("ledger_index_max", max);
        if (ctx.has("limit")) {
            out.put("limit", limit);
        }
        if (result.marker() != null) {
            ObjectNode next = out.putObject("marker");
            next.put("ledger", result.marker().ledgerSeq());
            next.put("seq", result.marker().index());
        }
        return out;
    }

    /** One entry of an account's history as both forms of {@code account_tx} show it. */
    static ObjectNode historyEntry(StoredTransaction s, boolean binary, ValidatedRange valid, RpcContext ctx) {
        LedgerMaster lm = ctx.ledgers();
        LedgerTx tx = new LedgerTx(s.id(), s.transaction().tx(), s.transaction().meta());
        ObjectNode entry = RpcContext.object();
        boolean validated = valid != null && valid.contains(s.ledgerSeq());
        if (binary) {
            entry.put("tx_blob", Json.hex(tx.txBytes()));
            entry.put("meta", Json.hex(tx.metaBytes()));
            entry.put("ledger_index", s.ledgerSeq());
        } else {
            ObjectNode txJson = Json.tx(tx.id(), tx.tx(), ctx.profile());
            inLedger(txJson, s.ledgerSeq(), lm);
            entry.set("tx", txJson);
            ObjectNode meta = tx.meta().toJson(ctx.profile());
            deliveredAmount(meta, tx.tx(), tx.meta(), s.ledgerSeq(), lm.closeTimeBySeq(s.ledgerSeq()), ctx.profile());
            entry.set("meta", meta);
        }
        entry.put("validated", validated);
        return entry;
    }
}
