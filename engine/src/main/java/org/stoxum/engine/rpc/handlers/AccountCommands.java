package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * {@code account_info}, {@code account_objects}, {@code account_lines} and {@code account_offers}: what a
 * ledger holds about one account, read from its AccountRoot and owner directory.
 */
public final class AccountCommands {
    private static final long LSF_LOW_AUTH = 0x00040000L;
    private static final long LSF_HIGH_AUTH = 0x00080000L;
    private static final long LSF_LOW_NO_RIPPLE = 0x00100000L;
    private static final long LSF_HIGH_NO_RIPPLE = 0x00200000L;
    private static final long LSF_LOW_FREEZE = 0x00400000L;
    private static final long LSF_HIGH_FREEZE = 0x00800000L;

    private AccountCommands() {
    }

    /** {@code account_info}: the AccountRoot, optionally with the signer list. */
    public static ObjectNode accountInfo(RpcContext ctx) {
        String ident;
        if (ctx.has("account")) {
            ident = ctx.string("account");
        } else if (ctx.has("ident")) {
            ident = ctx.string("ident");
        } else {
            return RpcError.missingField("account");
        }
        ObjectNode result = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, result);
        AccountId account = Accounts.parse(ident, ctx.flag("strict"), ctx.profile());
        Keylet root = Keylets.account(account);
        STObject sle = ledger.read(root);
        if (sle == null) {
            result.put("account", account.toAddress(ctx.profile()));
            return RpcError.ACT_NOT_FOUND.inject(result);
        }
        boolean queue = ctx.flag("queue");
        if (queue && !ledger.open()) {
            return RpcError.INVALID_PARAMS.inject(result);
        }
        ObjectNode data = Json.entry(root.key(), sle, ctx.profile());
        if (sle.isPresent(SField.EMAIL_HASH)) {
            String md5 = Json.hex(sle.getH128(SField.EMAIL_HASH)).toLowerCase(Locale.ROOT);
            data.put("urlgravatar", "http://www.gravatar.com/avatar/" + md5);
        }
        result.set("account_data", data);
        if (ctx.flag("signer_lists")) {
            ArrayNode lists = data.putArray("signer_lists");
            Keylet signers = Keylets.signers(account);
            STObject list = ledger.read(signers);
            if (list != null) {
                lists.add(Json.entry(signers.key(), list, ctx.profile()));
            }
        }
        if (queue) {
            result.set("queue_data", QueueJson.account(ctx.app().feeEscalation().queue().accountTxs(account, ledger)));
        }
        return result;
    }

    /** The account a paging command names; errors merge into {@code result} as rippled's handlers do. */
    private static AccountId account(RpcContext ctx, ObjectNode result) {
        try {
            return Accounts.parse(ctx.string("account"), false, ctx.profile());
        } catch (RpcFailure e) {
            result.setAll(e.answer());
            throw new RpcFailure(result);
        }
    }

    /** {@code account_objects}: the entries in the account's owner directory, paged. */
    public static ObjectNode accountObjects(RpcContext ctx) {
        if (!ctx.has("account")) {
            return RpcError.missingField("account");
        }
        ObjectNode result = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, result);
        AccountId account = account(ctx, result);
        if (!ledger.exists(Keylets.account(account))) {
            return RpcError.ACT_NOT_FOUND.make();
        }
        LedgerEntryType type;
        try {
            type = EntryTypeFilter.read(ctx);
        } catch (RpcFailure e) {
            return e.answer();
        }
        long limit = Limits.ACCOUNT_OBJECTS.read(ctx);
        Hash256 dirIndex = Hash256.ZERO;
        Hash256 entryIndex = Hash256.ZERO;
        if (ctx.has("marker")) {
            JsonNode marker = ctx.param("marker");
            if (marker == null || !marker.isTextual()) {
                return RpcError.expectedField("marker", "string");
            }
            String[] parts = marker.textValue().split(",", -1);
            Hash256 d = parts.length >= 1 ? LedgerLookup.parseHash(parts[0]) : null;
            Hash256 e = parts.length >= 2 ? LedgerLookup.parseHash(parts[1]) : null;
            if (d == null || e == null) {
                return RpcError.invalidField("marker");
            }
            dirIndex = d;
            entryIndex = e;
        }
        if (!ownerObjects(ledger, account, type, dirIndex, entryIndex, limit, result, ctx)) {
            result.putArray("account_objects");
        }
        result.put("account", account.toAddress(ctx.profile()));
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        return result;
    }

    /** rippled's {@code getAccountObjects}: false when the directory or the marker's entry is missing. */
    private static boolean ownerObjects(ReadView ledger, AccountId account, LedgerEntryType type, Hash256 dirIndex,
                                        Hash256 entryIndex, long limit, ObjectNode result, RpcContext ctx) {
        Hash256 rootIndex = Keylets.ownerDir(account).key();
        boolean found = false;
        if (dirIndex.equals(Hash256.ZERO)) {
            dirIndex = rootIndex;
            found = true;
        }
        STObject dir = ledger.read(new Keylet(LedgerEntryType.DIRECTORY_NODE, dirIndex));
        if (dir == null) {
            return false;
        }
        long i = 0;
        ArrayNode objects = result.putArray("account_objects");
        while (true) {
            List<Hash256> entries = dir.getVector256(SField.INDEXES);
            int start = 0;
            if (!found) {
                start = entries.indexOf(entryIndex);
                if (start < 0) {
                    return false;
                }
                found = true;
            }
            for (int k = start; k < entries.size(); k++) {
                STObject sle = ledger.read(Keylets.unchecked(entries.get(k)));
                if (type == null || sle.getU16(SField.LEDGER_ENTRY_TYPE) == type.code()) {
                    objects.add(Json.entry(entries.get(k), sle, ctx.profile()));
                    if (++i == limit) {
                        if (k + 1 < entries.size()) {
                            result.put("limit", limit);
                            result.put("marker", dirIndex + "," + entries.get(k + 1));
                            return true;
                        }
                        break;
                    }
                }
            }
            long next = dir.getU64(SField.INDEX_NEXT);
            if (next == 0) {
                return true;
            }
            dirIndex = Keylets.page(rootIndex, next).key();
            dir = ledger.read(Keylets.page(rootIndex, next));
            if (dir == null) {
                return true;
            }
            if (i == limit) {
                List<Hash256> e = dir.getVector256(SField.INDEXES);
                if (!e.isEmpty()) {
                    result.put("limit", limit);
                    result.put("marker", dirIndex + "," + e.get(0));
                }
                return true;
            }
        }
    }

    /** {@code account_lines}: the account's trust lines, optionally only those with {@code peer}. */
    public static ObjectNode accountLines(RpcContext ctx) {
        if (!ctx.has("account")) {
            return RpcError.missingField("account");
        }
        ObjectNode result = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, result);
        AccountId account = account(ctx, result);
        if (!ledger.exists(Keylets.account(account))) {
            return RpcError.ACT_NOT_FOUND.make();
        }
        String peerText = ctx.has("peer") ? ctx.string("peer") : "";
        AccountId peer = null;
        if (!peerText.isEmpty()) {
            try {
                peer = Accounts.parse(peerText, false, ctx.profile());
            } catch (RpcFailure e) {
                result.setAll(e.answer());
                return result;
            }
        }
        long limit = Limits.ACCOUNT_LINES.read(ctx);
        ArrayNode lines = result.putArray("lines");
        AccountId wantedPeer = peer;
        Predicate<STObject> accept = sle -> sle != null
                && sle.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.RIPPLE_STATE.code()
                && (wantedPeer == null || peerOf(sle, account).equals(wantedPeer));
        Page page = page(ctx, ledger, account, limit, LedgerEntryType.RIPPLE_STATE, accept, lines,
                (sle, out) -> addLine(out, sle, account, ctx));
        if (page == null) {
            return RpcError.INVALID_PARAMS.make();
        }
        if (page.marker != null) {
            result.put("limit", limit);
            result.put("marker", page.marker.toString());
        }
        result.put("account", account.toAddress(ctx.profile()));
        for (STObject sle : page.items) {
            addLine(lines, sle, account, ctx);
        }
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        return result;
    }

    private static AccountId peerOf(STObject line, AccountId viewer) {
        AccountId low = line.getAmount(SField.LOW_LIMIT).issuer();
        return low.equals(viewer) ? line.getAmount(SField.HIGH_LIMIT).issuer() : low;
    }

    private static void addLine(ArrayNode lines, STObject sle, AccountId viewer, RpcContext ctx) {
        boolean low = sle.getAmount(SField.LOW_LIMIT).issuer().equals(viewer);
        long flags = sle.getU32(SField.FLAGS);
        STAmount balance = sle.getAmount(SField.BALANCE);
        if (!low) {
            balance = balance.negate();
        }
        STAmount limit = sle.getAmount(low ? SField.LOW_LIMIT : SField.HIGH_LIMIT);
        STAmount limitPeer = sle.getAmount(low ? SField.HIGH_LIMIT : SField.LOW_LIMIT);
        ObjectNode line = lines.addObject();
        line.put("account", peerOf(sle, viewer).toAddress(ctx.profile()));
        line.put("balance", balance.valueText());
        line.put("currency", balance.currency().toJson(ctx.profile()));
        line.put("limit", limit.valueText());
        line.put("limit_peer", limitPeer.valueText());
        line.put("quality_in", u32(sle, low ? SField.LOW_QUALITY_IN : SField.HIGH_QUALITY_IN));
        line.put("quality_out", u32(sle, low ? SField.LOW_QUALITY_OUT : SField.HIGH_QUALITY_OUT));
        if ((flags & (low ? LSF_LOW_AUTH : LSF_HIGH_AUTH)) != 0) {
            line.put("authorized", true);
        }
        if ((flags & (low ? LSF_HIGH_AUTH : LSF_LOW_AUTH)) != 0) {
            line.put("peer_authorized", true);
        }
        if ((flags & (low ? LSF_LOW_NO_RIPPLE : LSF_HIGH_NO_RIPPLE)) != 0) {
            line.put("no_ripple", true);
        }
        if ((flags & (low ? LSF_HIGH_NO_RIPPLE : LSF_LOW_NO_RIPPLE)) != 0) {
            line.put("no_ripple_peer", true);
        }
        if ((flags & (low ? LSF_LOW_FREEZE : LSF_HIGH_FREEZE)) != 0) {
            line.put("freeze", true);
        }
        if ((flags & (low ? LSF_HIGH_FREEZE : LSF_LOW_FREEZE)) != 0) {
            line.put("freeze_peer", true);
        }
    }

    private static long u32(STObject sle, SField f) {
        return sle.isPresent(f) ? sle.getU32(f) : 0;
    }

    /** {@code account_offers}: the account's offers with their quality. */
    public static ObjectNode accountOffers(RpcContext ctx) {
        if (!ctx.has("account")) {
            return RpcError.missingField("account");
        }
        ObjectNode result = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, result);
        AccountId account = account(ctx, result);
        result.put("account", account.toAddress(ctx.profile()));
        if (!ledger.exists(Keylets.account(account))) {
            return RpcError.ACT_NOT_FOUND.make();
        }
        long limit = Limits.ACCOUNT_OFFERS.read(ctx);
        ArrayNode offers = result.putArray("offers");
        Predicate<STObject> accept = sle -> sle != null
                && sle.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.OFFER.code();
        Page page = page(ctx, ledger, account, limit, LedgerEntryType.OFFER, accept, offers,
                (sle, out) -> addOffer(out, sle, ctx));
        if (page == null) {
            return RpcError.INVALID_PARAMS.make();
        }
        if (page.marker != null) {
            result.put("limit", limit);
            result.put("marker", page.marker.toString());
        }
        for (STObject sle : page.items) {
            addOffer(offers, sle, ctx);
        }
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        return result;
    }

    private static void addOffer(ArrayNode offers, STObject offer, RpcContext ctx) {
        STAmount rate = AmountMath.amountFromQuality(Keylets.quality(offer.getH256(SField.BOOK_DIRECTORY)));
        ObjectNode o = offers.addObject();
        o.set("taker_pays", offer.getAmount(SField.TAKER_PAYS).toJson(ctx.profile()));
        o.set("taker_gets", offer.getAmount(SField.TAKER_GETS).toJson(ctx.profile()));
        o.put("seq", offer.getU32(SField.SEQUENCE));
        o.put("flags", offer.getU32(SField.FLAGS));
        o.put("quality", rate.valueText());
        if (offer.isPresent(SField.EXPIRATION)) {
            o.put("expiration", offer.getU32(SField.EXPIRATION));
        }
    }

    /** A page of owner-directory entries and where the next page starts (null at the end). */
    private record Page(List<STObject> items, Hash256 marker) {
    }

    private interface FirstItem {
        void add(STObject sle, ArrayNode out);
    }

    /**
     * rippled's marker paging over the owner directory ({@code forEachItemAfter}): without a marker, one
     * more item than the limit is collected to learn whether there is a next page; with one, the marker's
     * item is written first and the page continues after it. Null means invalidParams.
     */
    private static Page page(RpcContext ctx, ReadView ledger, AccountId account, long limit, LedgerEntryType type,
                             Predicate<STObject> accept, ArrayNode out, FirstItem first) {
        long reserve = limit;
        Hash256 after = Hash256.ZERO;
        long hint = 0;
        if (ctx.has("marker")) {
            JsonNode marker = ctx.param("marker");
            if (marker == null || !marker.isTextual()) {
                throw new RpcFailure(RpcError.expectedField("marker", "string"));
            }
            Hash256 m = LedgerLookup.parseHash(marker.textValue());
            after = m == null ? Hash256.ZERO : m;
            STObject sle = ledger.read(new Keylet(type, after));
            if (sle == null) {
                return null;
            }
            if (type == LedgerEntryType.RIPPLE_STATE) {
                if (sle.getAmount(SField.LOW_LIMIT).issuer().equals(account)) {
                    hint = sle.getU64(SField.LOW_NODE);
                } else if (sle.getAmount(SField.HIGH_LIMIT).issuer().equals(account)) {
                    hint = sle.getU64(SField.HIGH_NODE);
                } else {
                    return null;
                }
            } else {
                if (!sle.getAccountId(SField.ACCOUNT).equals(account)) {
                    return null;
                }
                hint = sle.getU64(SField.OWNER_NODE);
            }
            first.add(sle, out);
        } else {
            reserve++;
        }
        List<STObject> items = new ArrayList<>();
        if (!forEachItemAfter(ledger, account, after, hint, reserve, sle -> {
            if (accept.test(sle)) {
                items.add(sle);
                return true;
            }
            return false;
        })) {
            return null;
        }
        Hash256 next = null;
        if (items.size() == reserve) {
            STObject last = items.remove(items.size() - 1);
            next = keyOf(ledger, account, last);
        }
        return new Page(items, next);
    }

    private static Hash256 keyOf(ReadView ledger, AccountId account, STObject sle) {
        if (sle.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.OFFER.code()) {
            return Keylets.offer(sle.getAccountId(SField.ACCOUNT), sle.getU32(SField.SEQUENCE)).key();
        }
        STAmount low = sle.getAmount(SField.LOW_LIMIT);
        return Keylets.line(low.issuer(), sle.getAmount(SField.HIGH_LIMIT).issuer(), low.currency()).key();
    }

    /** rippled's {@code forEachItemAfter}: false when {@code after} was given but not found. */
    private static boolean forEachItemAfter(ReadView view, AccountId account, Hash256 after, long hint, long limit,
                                            Predicate<STObject> f) {
        Keylet root = Keylets.ownerDir(account);
        Keylet current = root;
        long remaining = limit;
        if (!after.equals(Hash256.ZERO)) {
            Keylet hinted = Keylets.page(root, hint);
            STObject hintDir = view.read(hinted);
            if (hintDir != null && hintDir.getVector256(SField.INDEXES).contains(after)) {
                current = hinted;
            }
            boolean found = false;
            while (true) {
                STObject dir = view.read(current);
                if (dir == null) {
                    return found;
                }
                for (Hash256 key : dir.getVector256(SField.INDEXES)) {
                    if (!found) {
                        found = key.equals(after);
                    } else if (f.test(view.read(Keylets.unchecked(key))) && remaining-- <= 1) {
                        return true;
                    }
                }
                long next = dir.getU64(SField.INDEX_NEXT);
                if (next == 0) {
                    return found;
                }
                current = Keylets.page(root, next);
            }
        }
        while (true) {
            STObject dir = view.read(current);
            if (dir == null) {
                return true;
            }
            for (Hash256 key : dir.getVector256(SField.INDEXES)) {
                if (f.test(view.read(Keylets.unchecked(key))) && remaining-- <= 1) {
                    return true;
                }
            }
            long next = dir.getU64(SField.INDEX_NEXT);
            if (next == 0) {
                return true;
            }
            current = Keylets.page(root, next);
        }
    }
}
