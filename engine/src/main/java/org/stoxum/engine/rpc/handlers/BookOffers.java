package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.AmountMath;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.Views;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.resource.Charge;

/**
 * {@code book_offers}: the offers of one order book, best quality first, each with how much of it its owner
 * can fund (rippled's {@code getBookPage}).
 */
public final class BookOffers {
    private static final long LSF_GLOBAL_FREEZE = 0x00400000L;
    private static final long LSF_LOW_FREEZE = 0x00400000L;
    private static final long LSF_HIGH_FREEZE = 0x00800000L;
    /** More client jobs than this refuse book_offers. */
    private static final int MAX_JOBS = 200;

    private BookOffers() {
    }

    public static ObjectNode bookOffers(RpcContext ctx) {
        if (ctx.app().jobs().count() > MAX_JOBS) {
            return RpcError.TOO_BUSY.make();
        }
        ObjectNode out = RpcContext.object();
        ReadView ledger = LedgerLookup.lookup(ctx, out);
        NetworkProfile profile = ctx.profile();
        Issue pays = side(ctx, "taker_pays", RpcError.SRC_CUR_MALFORMED, RpcError.SRC_ISR_MALFORMED, profile);
        Issue gets = side(ctx, "taker_gets", RpcError.DST_AMT_MALFORMED, RpcError.DST_ISR_MALFORMED, profile);
        AccountId taker = AccountId.ZERO;
        if (ctx.has("taker")) {
            JsonNode t = ctx.param("taker");
            if (t == null || !t.isTextual()) {
                return RpcError.expectedField("taker", "string");
            }
            Optional<AccountId> id = Accounts.parseAddress(t, profile);
            if (id.isEmpty()) {
                return RpcError.invalidField("taker");
            }
            taker = id.get();
        }
        if (pays.equals(gets)) {
            return RpcError.BAD_MARKET.make();
        }
        long limit = Limits.BOOK_OFFERS.read(ctx);
        out.set("offers", page(ledger, pays, gets, taker, limit, profile));
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        return out;
    }

    /** One side of the book from {@code taker_pays} or {@code taker_gets}. */
    private static Issue side(RpcContext ctx, String name, RpcError badCurrency, RpcError badIssuer,
                              NetworkProfile profile) {
        JsonNode s = ctx.param(name);
        if (s == null) {
            throw new RpcFailure(RpcError.missingField(name));
        }
        if (!s.isObject()) {
            throw new RpcFailure(RpcError.objectField(name));
        }
        JsonNode cur = s.get("currency");
        if (cur == null) {
            throw new RpcFailure(RpcError.missingField(name + ".currency"));
        }
        if (!cur.isTextual()) {
            throw new RpcFailure(RpcError.expectedField(name + ".currency", "string"));
        }
        Currency currency;
        try {
            currency = Currency.fromJson(cur.textValue(), profile);
        } catch (CodecException e) {
            throw RpcFailure.of(badCurrency, "Invalid field '" + name + ".currency', bad currency.");
        }
        AccountId issuer = AccountId.ZERO;
        if (s.has("issuer")) {
            JsonNode i = s.get("issuer");
            if (!i.isTextual()) {
                throw new RpcFailure(RpcError.expectedField(name + ".issuer", "string"));
            }
            issuer = issuer(i.textValue(), profile)
                    .orElseThrow(() -> RpcFailure.of(badIssuer, "Invalid field '" + name + ".issuer', bad issuer."));
            if (issuer.equals(AccountId.ONE)) {
                throw RpcFailure.of(badIssuer, "Invalid field '" + name + ".issuer', bad issuer account one.");
            }
        }
        if (currency.isNative() && !issuer.equals(AccountId.ZERO)) {
            throw RpcFailure.of(badIssuer, "Unneeded field '" + name + ".issuer' for "
                    + profile.nativeCurrency() + " currency specification.");
        }
        if (!currency.isNative() && issuer.equals(AccountId.ZERO)) {
            throw RpcFailure.of(badIssuer, "Invalid field '" + name + ".issuer', expected non-"
                    + profile.nativeCurrency() + " issuer.");
        }
        return new Issue(currency, issuer);
    }

    /** rippled's {@code to_issuer}: forty hex digits or an address. */
    private static Optional<AccountId> issuer(String s, NetworkProfile profile) {
        if (s.length() == 40) {
            return Hex.isHex(s) ? Optional.of(AccountId.of(Hex.decode(s))) : Optional.empty();
        }
        return Accounts.parseAddress(TextNode.valueOf(s), profile);
    }

    private static ArrayNode page(ReadView view, Issue in, Issue out, AccountId taker, long limit,
                                  NetworkProfile profile) {
        ArrayNode offers = RpcContext.object().arrayNode();
        Keylet base = Keylets.book(in, out);
        Hash256 end = Keylets.next(base).key();
        boolean globalFreeze = globallyFrozen(view, out.account()) || globallyFrozen(view, in.account());
        Rate rate = transferRate(view, out.account());
        Map<AccountId, STAmount> balances = new HashMap<>();
        Hash256 tip = base.key();
        while (limit > 0) {
            Hash256 dirKey = view.succ(tip, end);
            if (dirKey == null) {
                break;
            }
            tip = dirKey;
            STAmount dirRate = AmountMath.amountFromQuality(Keylets.quality(dirKey));
            Keylet page = Keylets.page(dirKey, 0);
            STObject dir = view.read(page);
            while (dir != null && limit > 0) {
                for (Hash256 offerKey : dir.getVector256(SField.INDEXES)) {
                    if (limit-- <= 0) {
                        break;
                    }
                    STObject offer = view.read(Keylets.unchecked(offerKey));
                    if (offer != null) {
                        offers.add(offerJson(view, offerKey, offer, in, out, taker, globalFreeze, rate, dirRate,
                                balances, profile));
                    }
                }
                long next = dir.getU64(SField.INDEX_NEXT);
                dir = next == 0 ? null : view.read(Keylets.page(dirKey, next));
            }
        }
        return offers;
    }

    private static ObjectNode offerJson(ReadView view, Hash256 key, STObject offer, Issue in, Issue out,
                                        AccountId taker, boolean globalFreeze, Rate rate, STAmount dirRate,
                                        Map<AccountId, STAmount> balances, NetworkProfile profile) {
        AccountId owner = offer.getAccountId(SField.ACCOUNT);
        STAmount takerGets = offer.getAmount(SField.TAKER_GETS);
        STAmount takerPays = offer.getAmount(SField.TAKER_PAYS);
        STAmount ownerFunds;
        boolean firstOwnerOffer = true;
        if (out.account().equals(owner)) {
            ownerFunds = takerGets;
        } else if (globalFreeze) {
            ownerFunds = STAmount.zero(out);
        } else if (balances.containsKey(owner)) {
            ownerFunds = balances.get(owner);
            firstOwnerOffer = false;
        } else {
            ownerFunds = accountHolds(view, owner, out);
            if (ownerFunds.signum() < 0) {
                ownerFunds = ownerFunds.zeroed();
            }
        }
        ObjectNode json = Json.entry(key, offer, profile);
        STAmount fundsLimit = ownerFunds;
        Rate offerRate = Rate.PARITY;
        if (!rate.equals(Rate.PARITY) && !taker.equals(out.account()) && !out.account().equals(owner)) {
            offerRate = rate;
            fundsLimit = rate.divide(ownerFunds);
        }
        STAmount getsFunded;
        if (fundsLimit.compareTo(takerGets) >= 0) {
            getsFunded = takerGets;
        } else {
            getsFunded = fundsLimit;
            json.set("taker_gets_funded", getsFunded.toJson(profile));
            json.set("taker_pays_funded", STAmount.min(takerPays,
                    AmountMath.multiply(getsFunded, dirRate, takerPays.issue())).toJson(profile));
        }
        STAmount ownerPays = offerRate.equals(Rate.PARITY) ? getsFunded
                : STAmount.min(ownerFunds, offerRate.multiply(getsFunded));
        balances.put(owner, ownerFunds.subtract(ownerPays));
        json.put("quality", dirRate.valueText());
        if (firstOwnerOffer) {
            json.put("owner_funds", ownerFunds.valueText());
        }
        return json;
    }

    /** What {@code account} holds of {@code issue}: spendable drops, or its trust-line balance (zero if frozen). */
    static STAmount accountHolds(ReadView view, AccountId account, Issue issue) {
        if (issue.isNative()) {
            return STAmount.ofDrops(Views.xrpLiquid(view, account, 0));
        }
        STObject line = view.read(Keylets.line(account, issue.account(), issue.currency()));
        if (line == null || frozen(view, account, issue, line)) {
            return STAmount.zero(issue);
        }
        STAmount balance = line.getAmount(SField.BALANCE);
        if (account.compareTo(issue.account()) > 0) {
            balance = balance.negate();
        }
        return STAmount.of(issue, balance.mantissa(), balance.exponent(), balance.isNegative());
    }

    private static boolean frozen(ReadView view, AccountId account, Issue issue, STObject line) {
        if (globallyFrozen(view, issue.account())) {
            return true;
        }
        boolean issuerHigh = issue.account().compareTo(account) > 0;
        return (line.getFlags() & (issuerHigh ? LSF_HIGH_FREEZE : LSF_LOW_FREEZE)) != 0;
    }

    private static boolean globallyFrozen(ReadView view, AccountId issuer) {
        if (issuer.equals(AccountId.ZERO)) {
            return false;
        }
        STObject root = view.read(Keylets.account(issuer));
        return root != null && (root.getFlags() & LSF_GLOBAL_FREEZE) != 0;
    }

    private static Rate transferRate(ReadView view, AccountId issuer) {
        STObject root = view.read(Keylets.account(issuer));
        if (root != null && root.isPresent(SField.TRANSFER_RATE)) {
            return new Rate((int) root.getU32(SField.TRANSFER_RATE));
        }
        return Rate.PARITY;
    }
}
