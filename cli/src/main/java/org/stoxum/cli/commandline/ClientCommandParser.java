package org.stoxum.cli.commandline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * Client mode's argument mapping: {@code stoxumd <command> <words...>} becomes one JSON-RPC request,
 * with the same argument counts, the same fields and the same error answers as stoxumd's RPCCall, so
 * that scripts written against stoxumd behave the same.
 *
 * <p>Faithful in the odd places too: a number that does not parse where stoxumd converts with a
 * throwing cast gives {@code internal} with {@code error_what: "std::bad_cast"}; {@code book_offers}
 * reads its limit from the proof argument; an account argument that is not an address is accepted as a
 * seed or passphrase. One deliberate difference: {@code gateway_balances} tells an account from a
 * ledger by the profile's account prefix ({@code x} for stoxum), where stoxumd tests for {@code r} and
 * so misreads every stoxum address; with the ripple profile the two agree.
 */
public final class ClientCommandParser {
    /** The usage line of every command, for {@code --help}. */
    public static final List<String> SYNOPSES = List.of(
            "account_currencies <account> [<ledger>] [strict]",
            "account_info <account>|<seed>|<passphrase>|<key> [<ledger>] [strict]",
            "account_lines <account> <peer>|\"\" [<ledger>]",
            "account_channels <account> <destination>|\"\" [<ledger>]",
            "account_objects <account> [<ledger>] [strict]",
            "account_offers <account>|<account_public_key> [<ledger>] [strict]",
            "account_tx <account> [<ledger_min> [<ledger_max> [<limit> [<offset>]]]] [binary] [count] [descending]",
            "book_offers <taker_pays> <taker_gets> [<taker> [<ledger> [<limit> [<proof> [<marker>]]]]]",
            "can_delete [<ledger_index>|<ledger_hash>|now|always|never]",
            "channel_authorize <secret> <channel_id> <drops>",
            "channel_verify <public_key> <channel_id> <drops> <signature>",
            "connect <ip> [<port>]",
            "consensus_info",
            "feature [<feature> [accept|reject]]",
            "fetch_info [clear]",
            "gateway_balances [<ledger>] <issuer_account> [<hotwallet> [<hotwallet> ...]]",
            "get_counts [<min_count>]",
            "json <method> <json>",
            "json2 <json-rpc 2.0 request>",
            "ledger [<index>|<hash>|current|closed|validated] [full|tx]",
            "ledger_accept",
            "ledger_closed",
            "ledger_current",
            "ledger_header <ledger>",
            "ledger_request <ledger>",
            "log_level [[<partition>] <severity>]",
            "logrotate",
            "owner_info <account> [<ledger>] [strict]",
            "peers",
            "ping",
            "random",
            "ripple_path_find <json> [<ledger>]",
            "server_info",
            "server_state",
            "sign <secret> <tx_json> [offline]",
            "sign_for <signer_address> <signer_secret> <tx_json> [offline]",
            "stop",
            "submit <tx_blob>|<secret> <tx_json> [offline]",
            "submit_multisigned <tx_json>",
            "transaction_entry <tx_hash> <ledger>",
            "tx <id> [binary]",
            "tx_history <start>",
            "unl_list",
            "validation_create [<seed>|<passphrase>|<key>]",
            "validation_seed [<seed>|<passphrase>|<key>]",
            "version",
            "wallet_propose [<passphrase>]");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Raised where stoxumd's conversion throws; becomes the {@code internal} answer with its text. */
    private static final class Thrown extends RuntimeException {
        Thrown(String what) {
            super(what, null, false, false);
        }
    }

    private static final String BAD_CAST = "std::bad_cast";

    private record Command(Function<List<String>, JsonNode> parse, int min, int max) {
    }

    private final NetworkProfile profile;
    private final Base58 base58;
    private final Map<String, Command> commands = new HashMap<>();

    /** @param profile the alphabet account and key arguments are checked in */
    public ClientCommandParser(NetworkProfile profile) {
        this.profile = profile;
        this.base58 = Base58.of(profile);
        add("account_currencies", this::accountRaw1, 1, 2);
        add("account_info", this::accountRaw1, 1, 2);
        add("account_lines", p -> accountRaw2(p, "peer"), 1, 5);
        add("account_channels", p -> accountRaw2(p, "destination_account"), 1, 3);
        add("account_objects", this::accountRaw1, 1, 5);
        add("account_offers", this::accountRaw1, 1, 4);
        add("account_tx", p -> accountTransactions(p, "descending", true), 1, 8);
        add("book_offers", this::bookOffers, 2, 7);
        add("can_delete", this::canDelete, 0, 1);
        add("channel_authorize", this::channelAuthorize, 3, 3);
        add("channel_verify", this::channelVerify, 4, 4);
        add("connect", this::connect, 1, 2);
        add("consensus_info", ClientCommandParser::asIs, 0, 0);
        add("feature", this::feature, 0, 2);
        add("fetch_info", this::fetchInfo, 0, 1);
        add("gateway_balances", this::gatewayBalances, 1, -1);
        add("get_counts", this::getCounts, 0, 1);
        add("json", this::json, 2, 2);
        add("json2", this::json2, 1, 1);
        add("ledger", this::ledger, 0, 2);
        add("ledger_accept", ClientCommandParser::asIs, 0, 0);
        add("ledger_closed", ClientCommandParser::asIs, 0, 0);
        add("ledger_current", ClientCommandParser::asIs, 0, 0);
        add("ledger_header", this::ledgerId, 1, 1);
        add("ledger_request", this::ledgerId, 1, 1);
        add("log_level", this::logLevel, 0, 2);
        add("logrotate", ClientCommandParser::asIs, 0, 0);
        add("owner_info", this::accountRaw1, 1, 2);
        add("peers", ClientCommandParser::asIs, 0, 0);
        add("ping", ClientCommandParser::asIs, 0, 0);
        add("print", ClientCommandParser::asIs, 0, 1);
        add("random", ClientCommandParser::asIs, 0, 0);
        add("ripple_path_find", this::ripplePathFind, 1, 2);
        add("sign", this::signSubmit, 2, 3);
        add("sign_for", this::signFor, 3, 4);
        add("submit", this::signSubmit, 1, 3);
        add("submit_multisigned", this::submitMultiSigned, 1, 1);
        add("server_info", ClientCommandParser::asIs, 0, 0);
        add("server_state", ClientCommandParser::asIs, 0, 0);
        add("stop", ClientCommandParser::asIs, 0, 0);
        add("transaction_entry", this::transactionEntry, 2, 2);
        add("tx", this::tx, 1, 2);
        add("tx_account", p -> accountTransactions(p, "forward", false), 1, 7);
        add("tx_history", this::txHistory, 1, 1);
        add("unl_list", ClientCommandParser::asIs, 0, 0);
        add("validation_create", p -> optionalString(p, "secret"), 0, 1);
        add("validation_seed", p -> optionalString(p, "secret"), 0, 1);
        add("version", ClientCommandParser::asIs, 0, 0);
        add("wallet_propose", p -> optionalString(p, "passphrase"), 0, 1);
        add("internal", this::internal, 1, -1);
        add("path_find", p -> RpcError.NO_EVENTS.make(), -1, -1);
        add("subscribe", p -> RpcError.NO_EVENTS.make(), -1, -1);
        add("unsubscribe", p -> RpcError.NO_EVENTS.make(), -1, -1);
    }

    private void add(String name, Function<List<String>, JsonNode> parse, int min, int max) {
        commands.put(name, new Command(parse, min, max));
    }

    /**
     * Maps the positional words (the command first) to a request.
     *
     * @param words the command and its arguments; not empty
     */
    public ClientRequest parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("client mode needs a command");
        }
        String method = words.get(0);
        List<String> params = List.copyOf(words.subList(1, words.size()));
        ObjectNode rpc = NODES.objectNode();
        rpc.put("method", method);
        ArrayNode typed = rpc.putArray("params");
        params.forEach(typed::add);

        JsonNode request;
        try {
            request = JsonOrder.sorted(build(method, params));
            if (request.isObject() && request.has("error")) {
                ObjectNode answer = (ObjectNode) request.deepCopy();
                answer.set("rpc", rpc);
                answer.put("status", "error");
                return new ClientRequest.Failure(JsonOrder.sorted(answer), exitStatus(answer));
            }
            String sendAs = request.isObject() && request.has("method") ? stringOf(request.get("method"))
                    : request.isArray() ? "batch" : method;
            return new ClientRequest.Call(sendAs, request, rpc);
        } catch (Thrown e) {
            ObjectNode answer = RpcError.INTERNAL.make();
            answer.put("error_what", e.getMessage());
            return new ClientRequest.Failure(JsonOrder.sorted(answer), RpcError.INTERNAL.code());
        }
    }

    /**
     * The error's number, which becomes the exit status; 1 (badSyntax) when there is none, as when a
     * {@code json} request object itself carries an {@code error} member.
     */
    private static int exitStatus(ObjectNode answer) {
        JsonNode code = answer.get("error_code");
        if (code == null) {
            code = answer.path("error").get("error_code");
        }
        return code != null && code.canConvertToInt() && code.isIntegralNumber()
                ? code.asInt() : RpcError.BAD_SYNTAX.code();
    }

    private JsonNode build(String method, List<String> params) {
        Command c = commands.get(method);
        if (c == null) {
            return asIs(params);
        }
        int n = params.size();
        if ((c.min >= 0 && n < c.min) || (c.max >= 0 && n > c.max)) {
            return RpcError.BAD_SYNTAX.make();
        }
        return c.parse.apply(params);
    }

    // ---- conversions with stoxumd's rules -------------------------------------------------------

    /** A signed 32-bit number as stoxumd's throwing cast reads it (digits, optional sign). */
    private static int asInt(String s) {
        Long n = digits(s, true);
        if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new Thrown(BAD_CAST);
        }
        return n.intValue();
    }

    /** An unsigned 32-bit number as stoxumd's throwing cast reads it (digits, optional '+'). */
    private static long asUInt(String s) {
        Long n = digits(s, false);
        if (n == null || n > 0xFFFF_FFFFL) {
            throw new Thrown(BAD_CAST);
        }
        return n;
    }

    private static Long digits(String s, boolean signed) {
        boolean negative = signed && s.startsWith("-");
        String d = s.startsWith("+") || negative ? s.substring(1) : s;
        if (d.isEmpty() || d.length() > 12 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long v = Long.parseLong(d);
        return negative ? -v : v;
    }

    /** JSON number nodes as stoxumd's Json::Value holds them: int when it fits, else a wider type. */
    private static JsonNode number(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }

    /** Json::Value::asString: strings, booleans, null and 32-bit integers convert; anything else throws. */
    private static String stringOf(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return Integer.toString(v.asInt());
        }
        throw new Thrown("Type is not convertible to string");
    }

    private static JsonNode parseJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Fills {@code ledger_index} or {@code ledger_hash}; an unparsable index becomes 0. */
    private static void ledgerSelector(ObjectNode request, String ledger) {
        if (ledger.equals("current") || ledger.equals("closed") || ledger.equals("validated")) {
            request.put("ledger_index", ledger);
        } else if (utf8Length(ledger) == 64) {
            request.put("ledger_hash", ledger);
        } else {
            Long n = digits(ledger, false);
            request.set("ledger_index", number(n == null || n > 0xFFFF_FFFFL ? 0 : n));
        }
    }

    private boolean isToken(TokenType type, String s) {
        try {
            byte[] payload = base58.decodeToken(type, s);
            if (type == TokenType.NODE_PUBLIC || type == TokenType.ACCOUNT_PUBLIC) {
                int t = payload[0] & 0xFF;
                return t == 0xED || t == 0x02 || t == 0x03;
            }
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    /**
     * What stoxumd accepts where an account may be named: an account public key, an address, or any
     * other non-empty text (read as a seed, RFC 1751 words or a passphrase) unless it is a node key or
     * a secret key token.
     */
    private boolean accountIdentifier(String s) {
        if (isToken(TokenType.ACCOUNT_PUBLIC, s) || isToken(TokenType.ACCOUNT_ID, s)) {
            return true;
        }
        return !s.isEmpty() && !isToken(TokenType.NODE_PUBLIC, s) && !isToken(TokenType.NODE_PRIVATE, s)
                && !isToken(TokenType.ACCOUNT_SECRET, s);
    }

    /** Exactly 64 hex digits. */
    private static boolean hex256(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    /** Hex with stoxumd's strUnHex rules (an odd length reads the first digit alone), or null. */
    private static byte[] unHex(String s) {
        int odd = s.length() & 1;
        byte[] out = new byte[(s.length() + 1) / 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                return null;
            }
            int pos = i + odd;
            out[pos / 2] |= (byte) (pos % 2 == 0 ? d << 4 : d);
        }
        if (odd == 1) {
            out[0] = (byte) (out[0] & 0x0F);
        }
        return out;
    }

    private static boolean drops(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')
                && new BigInteger(s).compareTo(UINT64_MAX) <= 0;
    }

    // ---- the per-command parsers ----------------------------------------------------------------

    private static JsonNode asIs(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (!p.isEmpty()) {
            ArrayNode a = r.putArray("params");
            p.forEach(a::add);
        }
        return r;
    }

    private JsonNode internal(List<String> p) {
        ObjectNode r = NODES.objectNode();
        r.put("internal_command", p.get(0));
        ArrayNode a = r.putArray("params");
        p.subList(1, p.size()).forEach(a::add);
        return r;
    }

    private JsonNode fetchInfo(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (!p.isEmpty()) {
            r.put(p.get(0), true);
        }
        return r;
    }

    /** account_tx and tx_account: trailing flag words, then a ledger or a range, limit and offset. */
    private JsonNode accountTransactions(List<String> p, String orderFlag, boolean withOffset) {
        String account = p.get(0);
        if (!isToken(TokenType.ACCOUNT_ID, account)) {
            return RpcError.ACT_MALFORMED.make();
        }
        ObjectNode r = NODES.objectNode();
        r.put("account", base58.encodeToken(TokenType.ACCOUNT_ID, base58.decodeToken(TokenType.ACCOUNT_ID, account)));
        int n = p.size();
        while (n >= 2) {
            String last = p.get(n - 1);
            if (last.equals("binary") || last.equals("count") || last.equals(orderFlag)) {
                r.put(last, true);
                n--;
            } else {
                break;
            }
        }
        if (n == 2) {
            ledgerSelector(r, p.get(1));
        } else if (n >= 3) {
            long min = asInt(p.get(1));
            long max = asInt(p.get(2));
            if (max != -1 && max < min) {
                return RpcError.LGR_IDXS_INVALID.make();
            }
            r.put("ledger_index_min", (int) min);
            r.put("ledger_index_max", (int) max);
            if (n >= 4) {
                r.put("limit", asInt(p.get(3)));
            }
            if (n >= 5 && withOffset) {
                r.put("offset", asInt(p.get(4)));
            }
        }
        return r;
    }

    private static JsonNode currencyIssuer(String s) {
        int slash = s.indexOf('/');
        String currency = slash < 0 ? s : s.substring(0, slash);
        boolean ok = currency.length() == 3 && currency.chars().allMatch(Character::isLetter)
                && currency.chars().allMatch(c -> c < 128) && (slash < 0 || slash < s.length() - 1);
        if (!ok) {
            return RpcError.INVALID_PARAMS.make("Invalid currency/issuer '" + s + "'");
        }
        ObjectNode r = NODES.objectNode();
        r.put("currency", currency);
        if (slash >= 0) {
            r.put("issuer", s.substring(slash + 1));
        }
        return r;
    }

    private JsonNode bookOffers(List<String> p) {
        ObjectNode r = NODES.objectNode();
        JsonNode pays = currencyIssuer(p.get(0));
        JsonNode gets = currencyIssuer(p.get(1));
        if (pays.has("error")) {
            return pays;
        }
        r.set("taker_pays", pays);
        if (gets.has("error")) {
            return gets;
        }
        r.set("taker_gets", gets);
        int n = p.size();
        if (n >= 3) {
            r.put("issuer", p.get(2));
        }
        if (n >= 4) {
            ledgerSelector(r, p.get(3));
        }
        if (n >= 5) {
            // stoxumd reads the limit from the sixth word (the proof), a missing word counting as 0.
            int limit = n >= 6 ? asInt(p.get(5)) : 0;
            if (limit > 0) {
                r.put("limit", limit);
            }
        }
        if (n >= 6 && asInt(p.get(5)) != 0) {
            r.put("proof", true);
        }
        if (n == 7) {
            r.put("marker", p.get(6));
        }
        return r;
    }

    private JsonNode canDelete(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (p.isEmpty()) {
            return r;
        }
        String input = p.get(0);
        if (input.chars().allMatch(c -> c >= '0' && c <= '9')) {
            r.set("can_delete", number(asUInt(input)));
        } else {
            r.put("can_delete", input);
        }
        return r;
    }

    private JsonNode channelAuthorize(List<String> p) {
        ObjectNode r = NODES.objectNode();
        r.put("secret", p.get(0));
        if (!hex256(p.get(1))) {
            return RpcError.CHANNEL_MALFORMED.make();
        }
        r.put("channel_id", p.get(1));
        if (!drops(p.get(2))) {
            return RpcError.CHANNEL_AMT_MALFORMED.make();
        }
        r.put("amount", p.get(2));
        return r;
    }

    private JsonNode channelVerify(List<String> p) {
        String key = p.get(0);
        byte[] hex = unHex(key);
        boolean validKey = isToken(TokenType.ACCOUNT_PUBLIC, key) || (hex != null && hex.length == 33
                && ((hex[0] & 0xFF) == 0xED || hex[0] == 0x02 || hex[0] == 0x03));
        if (!validKey) {
            return RpcError.PUBLIC_MALFORMED.make();
        }
        ObjectNode r = NODES.objectNode();
        r.put("public_key", key);
        if (!hex256(p.get(1))) {
            return RpcError.CHANNEL_MALFORMED.make();
        }
        r.put("channel_id", p.get(1));
        if (!drops(p.get(2))) {
            return RpcError.CHANNEL_AMT_MALFORMED.make();
        }
        r.put("amount", p.get(2));
        r.put("signature", p.get(3));
        return r;
    }

    private JsonNode connect(List<String> p) {
        ObjectNode r = NODES.objectNode();
        r.put("ip", p.get(0));
        if (p.size() == 2) {
            r.set("port", number(asUInt(p.get(1))));
        }
        return r;
    }

    private JsonNode feature(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (!p.isEmpty()) {
            r.put("feature", p.get(0));
        }
        if (p.size() > 1) {
            String action = p.get(1);
            if (action.equalsIgnoreCase("reject")) {
                r.put("vetoed", true);
            } else if (action.equalsIgnoreCase("accept")) {
                r.put("vetoed", false);
            } else {
                return RpcError.INVALID_PARAMS.make();
            }
        }
        return r;
    }

    private JsonNode getCounts(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (!p.isEmpty()) {
            r.set("min_count", number(asUInt(p.get(0))));
        }
        return r;
    }

    private JsonNode json(List<String> p) {
        JsonNode parsed = parseJson(p.get(1));
        if (!(parsed instanceof ObjectNode obj)) {
            return RpcError.INVALID_PARAMS.make();
        }
        obj.put("method", p.get(0));
        return obj;
    }

    private static boolean validJson2(JsonNode jv) {
        if (jv.isArray()) {
            if (jv.isEmpty()) {
                return false;
            }
            for (JsonNode item : jv) {
                if (!validJson2(item)) {
                    return false;
                }
            }
            return true;
        }
        if (jv.isObject()) {
            boolean envelope = "2.0".equals(jv.path("jsonrpc").textValue()) && "2.0".equals(jv.path("ripplerpc").textValue())
                    && jv.has("id") && jv.has("method");
            JsonNode params = jv.get("params");
            return envelope && (params == null || params.isArray() || params.isObject());
        }
        return false;
    }

    /** One JSON-RPC 2.0 object flattened: its params' members, then the envelope fields. */
    private static ObjectNode flattenJson2(JsonNode jv) {
        ObjectNode out = NODES.objectNode();
        JsonNode params = jv.get("params");
        if (params != null) {
            if (params.isArray() && !params.isEmpty()) {
                // stoxumd names array members by index and cannot turn an index into a string.
                throw new Thrown("Type is not convertible to string");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.set(f.getKey(), f.getValue());
            }
        }
        for (String key : List.of("jsonrpc", "ripplerpc", "id", "method")) {
            out.set(key, jv.get(key));
        }
        return out;
    }

    private JsonNode json2(List<String> p) {
        JsonNode jv = parseJson(p.get(0));
        if (jv != null && validJson2(jv)) {
            if (jv.isObject()) {
                return flattenJson2(jv);
            }
            ArrayNode out = NODES.arrayNode();
            jv.forEach(item -> out.add(flattenJson2(item)));
            return out;
        }
        ObjectNode error = RpcError.INVALID_PARAMS.make();
        if (jv != null && jv.isObject()) {
            for (String key : List.of("jsonrpc", "ripplerpc", "id")) {
                if (jv.has(key)) {
                    error.set(key, jv.get(key));
                }
            }
        }
        return error;
    }

    private JsonNode ledger(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (p.isEmpty()) {
            return r;
        }
        ledgerSelector(r, p.get(0));
        if (p.size() == 2) {
            if (p.get(1).equals("full")) {
                r.put("full", true);
            } else if (p.get(1).equals("tx")) {
                r.put("transactions", true);
                r.put("expand", true);
            }
        }
        return r;
    }

    private JsonNode ledgerId(List<String> p) {
        ObjectNode r = NODES.objectNode();
        String ledger = p.get(0);
        if (utf8Length(ledger) == 64) {
            r.put("ledger_hash", ledger);
        } else {
            Long n = digits(ledger, false);
            r.set("ledger_index", number(n == null || n > 0xFFFF_FFFFL ? 0 : n));
        }
        return r;
    }

    private JsonNode logLevel(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (p.size() == 1) {
            r.put("severity", p.get(0));
        } else if (p.size() == 2) {
            r.put("partition", p.get(0));
            r.put("severity", p.get(1));
        }
        return r;
    }

    private JsonNode accountRaw1(List<String> p) {
        String ident = p.get(0);
        int cursor = p.size();
        boolean strict = false;
        if (cursor >= 2 && p.get(cursor - 1).equals("strict")) {
            strict = true;
            cursor--;
        }
        if (!accountIdentifier(ident)) {
            return RpcError.ACT_MALFORMED.make();
        }
        ObjectNode r = NODES.objectNode();
        r.put("account", ident);
        if (strict) {
            r.put("strict", 1);
        }
        if (cursor == 2) {
            ledgerSelector(r, p.get(1));
        }
        return r;
    }

    private JsonNode accountRaw2(List<String> p, String secondField) {
        ObjectNode r = NODES.objectNode();
        for (int i = 0; i < p.size(); i++) {
            String s = p.get(i);
            if (i == 1 && s.isEmpty()) {
                continue;
            }
            if (i < 2) {
                if (!accountIdentifier(s)) {
                    return RpcError.ACT_MALFORMED.make();
                }
                r.put(i == 0 ? "account" : secondField, s);
            } else {
                ledgerSelector(r, s);
                return r;
            }
        }
        return r;
    }

    private JsonNode ripplePathFind(List<String> p) {
        JsonNode request = parseJson(p.get(0));
        if (request == null) {
            return RpcError.INVALID_PARAMS.make();
        }
        if (p.size() == 2) {
            if (!(request instanceof ObjectNode obj)) {
                return RpcError.INVALID_PARAMS.make();
            }
            ledgerSelector(obj, p.get(1));
        }
        return request;
    }

    private JsonNode signSubmit(List<String> p) {
        boolean offline = p.size() == 3 && p.get(2).equals("offline");
        if (p.size() == 1) {
            ObjectNode r = NODES.objectNode();
            r.put("tx_blob", p.get(0));
            return r;
        }
        if (p.size() == 2 || offline) {
            JsonNode tx = parseJson(p.get(1));
            if (tx != null) {
                ObjectNode r = NODES.objectNode();
                r.put("secret", p.get(0));
                r.set("tx_json", tx);
                if (offline) {
                    r.put("offline", true);
                }
                return r;
            }
        }
        return RpcError.INVALID_PARAMS.make();
    }

    private JsonNode signFor(List<String> p) {
        boolean offline = p.size() == 4 && p.get(3).equals("offline");
        if (p.size() == 3 || offline) {
            JsonNode tx = parseJson(p.get(2));
            if (tx != null) {
                ObjectNode r = NODES.objectNode();
                r.put("account", p.get(0));
                r.put("secret", p.get(1));
                r.set("tx_json", tx);
                if (offline) {
                    r.put("offline", true);
                }
                return r;
            }
        }
        return RpcError.INVALID_PARAMS.make();
    }

    private JsonNode submitMultiSigned(List<String> p) {
        JsonNode tx = parseJson(p.get(0));
        if (tx == null) {
            return RpcError.INVALID_PARAMS.make();
        }
        ObjectNode r = NODES.objectNode();
        r.set("tx_json", tx);
        return r;
    }

    private JsonNode transactionEntry(List<String> p) {
        String hash = p.get(0);
        if (utf8Length(hash) != 64) {
            return RpcError.INVALID_PARAMS.make();
        }
        ObjectNode r = NODES.objectNode();
        r.put("tx_hash", hash);
        ledgerSelector(r, p.get(1));
        JsonNode index = r.get("ledger_index");
        if (index != null && index.isNumber() && index.asLong() == 0) {
            return RpcError.INVALID_PARAMS.make();
        }
        return r;
    }

    private JsonNode tx(List<String> p) {
        ObjectNode r = NODES.objectNode();
        if (p.size() > 1 && p.get(1).equals("binary")) {
            r.put("binary", true);
        }
        r.put("transaction", p.get(0));
        return r;
    }

    private JsonNode txHistory(List<String> p) {
        ObjectNode r = NODES.objectNode();
        r.set("start", number(asUInt(p.get(0))));
        return r;
    }

    private static JsonNode optionalString(List<String> p, String field) {
        ObjectNode r = NODES.objectNode();
        if (!p.isEmpty()) {
            r.put(field, p.get(0));
        }
        return r;
    }

    private JsonNode gatewayBalances(List<String> p) {
        ObjectNode r = NODES.objectNode();
        int index = 0;
        String param = p.get(index++);
        if (param.isEmpty()) {
            return RpcError.INVALID_PARAMS.make("Invalid first parameter");
        }
        if (param.charAt(0) != profile.alphabet().charAt(0)) {
            if (utf8Length(param) == 64) {
                r.put("ledger_hash", param);
            } else {
                r.put("ledger_index", param);
            }
            if (p.size() <= index) {
                return RpcError.INVALID_PARAMS.make("Invalid hotwallet");
            }
            param = p.get(index++);
        }
        r.put("account", param);
        if (index < p.size()) {
            ArrayNode hot = r.putArray("hotwallet");
            p.subList(index, p.size()).forEach(hot::add);
        }
        return r;
    }
}
