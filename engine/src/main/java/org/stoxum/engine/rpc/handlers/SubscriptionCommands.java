package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stoxum.codec.Hex;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.Subscriptions;
import org.stoxum.engine.app.Subscriptions.Stream;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.WsSession;

/**
 * {@code subscribe} and {@code unsubscribe} over WebSocket: the named streams and accounts (validated or
 * proposed). Pushing to a URL over JSON-RPC and order-book streams are not built: a {@code url} answers
 * notSupported, {@code books} invalidParams unless well formed (then it is accepted and nothing is pushed).
 */
public final class SubscriptionCommands {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Stream> STREAMS = Map.of(
            "server", Stream.SERVER, "ledger", Stream.LEDGER, "manifests", Stream.MANIFESTS,
            "transactions", Stream.TRANSACTIONS, "transactions_proposed", Stream.TRANSACTIONS_PROPOSED,
            "rt_transactions", Stream.TRANSACTIONS_PROPOSED, "validations", Stream.VALIDATIONS,
            "peer_status", Stream.PEER_STATUS);

    private SubscriptionCommands() {
    }

    public static ObjectNode subscribe(RpcContext ctx) {
        return change(ctx, true);
    }

    public static ObjectNode unsubscribe(RpcContext ctx) {
        return change(ctx, false);
    }

    private static ObjectNode change(RpcContext ctx, boolean add) {
        if (ctx.session().isEmpty() && !ctx.has("url")) {
            return RpcError.INVALID_PARAMS.make();
        }
        if (ctx.has("url")) {
            if (ctx.role() != Role.ADMIN) {
                return RpcError.NO_PERMISSION.make();
            }
            return RpcError.NOT_SUPPORTED.make("Subscriptions pushed to a URL are not supported by this server.");
        }
        WsSession session = ctx.session().get();
        Subscriptions subs = ctx.app().subscriptions();
        ObjectNode out = RpcContext.object();
        JsonNode streams = ctx.param("streams");
        if (ctx.has("streams")) {
            if (streams == null || !streams.isArray()) {
                return RpcError.INVALID_PARAMS.make();
            }
            for (JsonNode s : streams) {
                Stream stream = s.isTextual() ? STREAMS.get(s.textValue()) : null;
                if (stream == null) {
                    return RpcError.STREAM_MALFORMED.make();
                }
                if (stream == Stream.PEER_STATUS && add && ctx.role() != Role.ADMIN) {
                    return RpcError.NO_PERMISSION.make();
                }
                if (!add) {
                    subs.unsubscribe(session, stream);
                    continue;
                }
                if (stream == Stream.SERVER) {
                    serverFields(ctx, out);
                } else if (stream == Stream.LEDGER) {
                    ledgerFields(ctx.app(), out);
                }
                subs.subscribe(session, stream);
            }
        }
        String proposedField = ctx.has("accounts_proposed") ? "accounts_proposed" : "rt_accounts";
        for (String field : new String[] {proposedField, "accounts"}) {
            if (!ctx.has(field)) {
                continue;
            }
            JsonNode list = ctx.param(field);
            if (list == null || !list.isArray()) {
                return RpcError.INVALID_PARAMS.make();
            }
            Set<AccountId> ids = accountIds(list, ctx);
            if (ids.isEmpty()) {
                return RpcError.ACT_MALFORMED.make();
            }
            boolean proposed = !field.equals("accounts");
            if (add) {
                subs.subscribeAccounts(session, ids, proposed);
            } else {
                subs.unsubscribeAccounts(session, ids, proposed);
            }
        }
        if (ctx.has("books")) {
            JsonNode books = ctx.param("books");
            if (books == null || !books.isArray()) {
                return RpcError.INVALID_PARAMS.make();
            }
            for (JsonNode b : books) {
                if (!b.isObject() || !b.path("taker_pays").isObject() || !b.path("taker_gets").isObject()) {
                    return RpcError.INVALID_PARAMS.make();
                }
            }
        }
        return out;
    }

    /** rippled's {@code parseAccountIds}: every entry an address, or nothing at all. */
    private static Set<AccountId> accountIds(JsonNode list, RpcContext ctx) {
        Set<AccountId> ids = new LinkedHashSet<>();
        for (JsonNode v : list) {
            Optional<AccountId> id = Accounts.parseAddress(v, ctx.profile());
            if (id.isEmpty()) {
                return Set.of();
            }
            ids.add(id.get());
        }
        return ids;
    }

    private static void serverFields(RpcContext ctx, ObjectNode out) {
        Application app = ctx.app();
        if (app.standalone()) {
            out.put("stand_alone", true);
        }
        byte[] r = new byte[32];
        RANDOM.nextBytes(r);
        out.put("random", Hex.encode(r));
        out.put("server_status", app.status().mode().displayName());
        out.put("load_base", 256);
        out.put("load_factor", 256);
        out.put("hostid", ServerInfo.build(app, true, ctx.role() == Role.ADMIN).path("hostid").asText());
        out.put("pubkey_node", app.nodeKey().publicKey().toBase58(TokenType.NODE_PUBLIC, ctx.profile()));
    }

    private static void ledgerFields(Application app, ObjectNode out) {
        Ledger l = app.ledgerMaster().validatedLedger();
        out.put("ledger_index", l.seq());
        out.put("ledger_hash", l.hash().toString());
        out.put("ledger_time", l.closeTime());
        out.put("fee_ref", l.fees().units());
        out.put("fee_base", l.fees().base());
        out.put("reserve_base", l.fees().accountReserve(0));
        out.put("reserve_inc", l.fees().increment());
        out.put("validated_ledgers", app.ledgerMaster().completeLedgers());
    }
}
