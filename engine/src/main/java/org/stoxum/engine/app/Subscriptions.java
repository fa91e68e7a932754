package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.SerializedType;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.rpc.server.WsSession;

/**
 * Who listens to what (rippled's {@code InfoSub} bookkeeping in NetworkOPs), and the messages pushed to
 * them: {@code ledgerClosed} for each validated ledger, {@code transaction} for each validated (and, for
 * the proposed streams, each newly applied) transaction, to stream subscribers and to those following an
 * affected account. Sessions drop out of every list when they close.
 *
 * <p>The bookkeeping is called from API threads; the publishing methods from the {@link StreamPublisher}'s
 * thread only, which keeps every stream's messages in hand-over order.
 */
public final class Subscriptions {
    /** The named streams of subscribe/unsubscribe. */
    public enum Stream { SERVER, LEDGER, MANIFESTS, TRANSACTIONS, TRANSACTIONS_PROPOSED, VALIDATIONS, PEER_STATUS }

    private final NetworkProfile profile;
    private final Map<Stream, Set<WsSession>> streams = new EnumMap<>(Stream.class);
    private final Map<AccountId, Set<WsSession>> accounts = new HashMap<>();
    private final Map<AccountId, Set<WsSession>> accountsProposed = new HashMap<>();
    private final Set<Long> watched = ConcurrentHashMap.newKeySet();

    public Subscriptions(NetworkProfile profile) {
        this.profile = profile;
        for (Stream s : Stream.values()) {
            streams.put(s, new LinkedHashSet<>());
        }
    }

    /** Adds {@code session} to {@code stream}; false when it was already there. */
    public synchronized boolean subscribe(WsSession session, Stream stream) {
        watch(session);
        return streams.get(stream).add(session);
    }

    public synchronized boolean unsubscribe(WsSession session, Stream stream) {
        return streams.get(stream).remove(session);
    }

    /** Follows {@code ids}, validated transactions only or ({@code proposed}) as they are applied too. */
    public synchronized void subscribeAccounts(WsSession session, Collection<AccountId> ids, boolean proposed) {
        watch(session);
        Map<AccountId, Set<WsSession>> map = proposed ? accountsProposed : accounts;
        for (AccountId id : ids) {
            map.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(session);
        }
    }

    public synchronized void unsubscribeAccounts(WsSession session, Collection<AccountId> ids, boolean proposed) {
        Map<AccountId, Set<WsSession>> map = proposed ? accountsProposed : accounts;
        for (AccountId id : ids) {
            Set<WsSession> s = map.get(id);
            if (s != null && s.remove(session) && s.isEmpty()) {
                map.remove(id);
            }
        }
    }

    private void watch(WsSession session) {
        if (watched.add(session.id())) {
            session.onClose(() -> forget(session));
        }
    }

    private synchronized void forget(WsSession session) {
        streams.values().forEach(s -> s.remove(session));
        accounts.values().forEach(s -> s.remove(session));
        accountsProposed.values().forEach(s -> s.remove(session));
        accounts.values().removeIf(Set::isEmpty);
        accountsProposed.values().removeIf(Set::isEmpty);
        watched.remove(session.id());
    }

    /** True when someone follows the server stream. */
    public synchronized boolean publishesServer() {
        return !streams.get(Stream.SERVER).isEmpty();
    }

    /** Sends a serverStatus message to the server stream. */
    public void server(ObjectNode msg) {
        send(listeners(Stream.SERVER), msg);
    }

    /**
     * Publishes a validated ledger: {@code ledgerClosed} to the ledger stream, then each transaction in
     * ledger order to the transaction streams and the accounts it touched.
     */
    public void ledgerValidated(Ledger ledger, String completeLedgers) {
        List<WsSession> ledgerListeners = listeners(Stream.LEDGER);
        if (!ledgerListeners.isEmpty()) {
            int count = 0;
            for (var it = ledger.txIds(); it.hasNext(); it.next()) {
                count++;
            }
            ObjectNode msg = JsonNodeFactory.instance.objectNode();
            msg.put("type", "ledgerClosed");
            msg.put("ledger_index", ledger.seq());
            msg.put("ledger_hash", ledger.hash().toString());
            msg.put("ledger_time", ledger.closeTime());
            msg.put("fee_ref", ledger.fees().units());
            msg.put("fee_base", ledger.fees().base());
            msg.put("reserve_base", ledger.fees().accountReserve(0));
            msg.put("reserve_inc", ledger.fees().increment());
            msg.put("txn_count", count);
            msg.put("validated_ledgers", completeLedgers);
            send(ledgerListeners, msg);
        }
        if (!publishesTransactions()) {
            return;
        }
        // Parsing every transaction with its metadata is for a recipient only.
        List<LedgerTx> txs = new ArrayList<>();
        for (var it = ledger.transactions(); it.hasNext(); ) {
            txs.add(it.next());
        }
        txs.sort((a, b) -> Long.compare(TxIndexing.transactionIndex(a), TxIndexing.transactionIndex(b)));
        for (LedgerTx tx : txs) {
            Set<WsSession> to = new LinkedHashSet<>(listeners(Stream.TRANSACTIONS));
            to.addAll(listeners(Stream.TRANSACTIONS_PROPOSED));
            if (followsAccounts()) {
                // Working out the affected accounts reads all of the metadata: only when someone follows one.
                to.addAll(accountListeners(TxIndexing.affectedAccounts(tx), true));
            }
            // The JSON of a transaction and its metadata is most of a close's publishing cost: only for someone.
            if (to.isEmpty()) {
                continue;
            }
            TER ter = TER.fromCode(tx.meta().getU8(SField.TRANSACTION_RESULT));
            ObjectNode msg = transactionJson(tx.tx(), tx.id().toString(), ter, ledger, ledger.seq());
            msg.set("meta", tx.meta().toJson(profile));
            send(to, msg);
        }
    }

    /** True when a validated transaction can have a recipient: a transaction stream or a followed account. */
    private synchronized boolean publishesTransactions() {
        return !streams.get(Stream.TRANSACTIONS).isEmpty() || !streams.get(Stream.TRANSACTIONS_PROPOSED).isEmpty()
                || !accounts.isEmpty() || !accountsProposed.isEmpty();
    }

    private synchronized boolean followsAccounts() {
        return !accounts.isEmpty() || !accountsProposed.isEmpty();
    }

    /**
     * True when a transaction applied to the open ledger can have a recipient: someone follows the proposed
     * stream or an account's proposed transactions. Cheap enough for the writer to ask per transaction.
     */
    public synchronized boolean publishesProposed() {
        return !streams.get(Stream.TRANSACTIONS_PROPOSED).isEmpty() || !accountsProposed.isEmpty();
    }

    /** Publishes a transaction just applied to the open ledger numbered {@code openSeq} to the proposed streams. */
    public void proposed(STTx tx, TER ter, long openSeq) {
        Set<WsSession> to = new LinkedHashSet<>(listeners(Stream.TRANSACTIONS_PROPOSED));
        to.addAll(accountListeners(mentionedAccounts(tx.object()), false));
        if (!to.isEmpty()) {
            send(to, transactionJson(tx.object(), tx.id().toString(), ter, null, openSeq));
        }
    }

    /** Every account a transaction names, and the issuers of its amounts (rippled's getMentionedAccounts). */
    private static Set<AccountId> mentionedAccounts(STObject tx) {
        Set<AccountId> out = new LinkedHashSet<>();
        for (SField f : tx.fields()) {
            if (f.type() == SerializedType.ACCOUNT_ID && !tx.isEmptyAccount(f)) {
                out.add(tx.getAccountId(f));
            } else if (f.type() == SerializedType.AMOUNT && !tx.getAmount(f).isNative()) {
                out.add(tx.getAmount(f).issuer());
            }
        }
        return out;
    }

    /**
     * A {@code transaction} message: of a validated ledger ({@code validatedIn}), or, when that is null, of
     * the open ledger numbered {@code ledgerSeq}.
     */
    private ObjectNode transactionJson(STObject tx, String hash, TER ter, Ledger validatedIn, long ledgerSeq) {
        boolean validated = validatedIn != null;
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.put("type", "transaction");
        ObjectNode txJson = tx.toJson(profile);
        txJson.put("hash", hash);
        msg.set("transaction", txJson);
        if (validated) {
            msg.put("ledger_index", ledgerSeq);
            msg.put("ledger_hash", validatedIn.hash().toString());
            txJson.put("date", validatedIn.closeTime());
            msg.put("validated", true);
        } else {
            msg.put("validated", false);
            msg.put("ledger_current_index", ledgerSeq);
        }
        msg.put("status", validated ? "closed" : "proposed");
        msg.put("engine_result", ter.token());
        msg.put("engine_result_code", ter.code());
        msg.put("engine_result_message", ter.message(profile));
        return msg;
    }

    private synchronized List<WsSession> listeners(Stream s) {
        return new ArrayList<>(streams.get(s));
    }

    private synchronized Set<WsSession> accountListeners(Collection<AccountId> touched, boolean validated) {
        Set<WsSession> out = new LinkedHashSet<>();
        for (AccountId a : touched) {
            out.addAll(accountsProposed.getOrDefault(a, Set.of()));
            if (validated) {
                out.addAll(accounts.getOrDefault(a, Set.of()));
            }
        }
        return out;
    }

    private static void send(Collection<WsSession> to, ObjectNode msg) {
        for (WsSession s : to) {
            s.send(msg);
        }
    }
}
