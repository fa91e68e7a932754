package org.stoxum.cli.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;

/**
 * Client mode's mapping of every command, each expectation written from what stoxumd's
 * RPCCall.cpp builds for the same words (its parser table, argument counts and error answers).
 */
class ClientCommandParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode STOXUM = SharedVectors.json("keys/keypairs.stoxum.json").get("generated");
    private static final JsonNode RIPPLE = SharedVectors.json("keys/keypairs.ripple.json").get("generated");

    static final String A = STOXUM.get(0).at("/secp256k1/account/address").asText();
    static final String B = STOXUM.get(1).at("/secp256k1/account/address").asText();
    static final String APUB = STOXUM.get(0).at("/secp256k1/account/account_public_base58").asText();
    static final String ASECRET = STOXUM.get(0).at("/secp256k1/account/account_secret_base58").asText();
    static final String NODEPUB = STOXUM.get(0).at("/secp256k1/node/node_public_base58").asText();
    static final String NODEPRIV = STOXUM.get(0).at("/secp256k1/node/node_private_base58").asText();
    static final String SEED = STOXUM.get(0).get("family_seed").asText();
    static final String ED_HEX = STOXUM.get(0).at("/ed25519/account/public_key_hex").asText();
    static final String SECP_HEX = STOXUM.get(0).at("/secp256k1/account/public_key_hex").asText();
    static final String RIPPLE_A = RIPPLE.get(0).at("/secp256k1/account/address").asText();
    static final String H64 = "5D2D8EF0F0A6B0D81B6C2F64E1A4B1D7C2A3E4F5061728394A5B6C7D8E9F0A1B";
    static final String TX = "{\"TransactionType\":\"Payment\",\"Amount\":\"1\"}";

    /** Expected: a call ({"method", "params"}) or a refusal ({"exit", "answer"}). */
    record Case(List<String> words, String expected) {
        @Override
        public String toString() {
            return String.join(" ", words);
        }
    }

    /** JSON written with single quotes for readability. */
    static String j(String s) {
        return s.replace('\'', '"');
    }

    static Case call(String method, String params, String... words) {
        return new Case(List.of(words), j("{'method':'" + method + "','params':" + params + "}"));
    }

    static Case fails(int exit, String answer, String... words) {
        return new Case(List.of(words), j("{'exit':" + exit + ",'answer':" + answer + "}"));
    }

    /** The answer stoxumd prints for a parser error: the error, the words as typed, status. */
    static Case error(String token, int code, String message, String... words) {
        List<String> quoted = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            quoted.add(JSON.valueToTree(words[i]).toString().replace('"', '\''));
        }
        String rpc = "{'method':'" + words[0] + "','params':[" + String.join(",", quoted) + "]}";
        return fails(code, "{'error':'" + token + "','error_code':" + code + ",'error_message':'" + message
                + "','rpc':" + rpc + ",'status':'error'}", words);
    }

    static Case badSyntax(String... words) {
        return error("badSyntax", 1, "Syntax error.", words);
    }

    static Case invalidParams(String... words) {
        return error("invalidParams", 31, "Invalid parameters.", words);
    }

    static Case actMalformed(String... words) {
        return error("actMalformed", 35, "Account malformed.", words);
    }

    static Case badCast(String... words) {
        return fails(70, "{'error':'internal','error_code':70,'error_message':'Internal error.','error_what':'std::bad_cast'}", words);
    }

    static Stream<Case> cases() {
        String q = "\\u0027";
        String tx = "{'Amount':'1','TransactionType':'Payment'}";
        return Stream.of(
                // commands without arguments
                call("server_info", "[{}]", "server_info"),
                call("server_state", "[{}]", "server_state"),
                call("ping", "[{}]", "ping"),
                call("random", "[{}]", "random"),
                call("stop", "[{}]", "stop"),
                call("peers", "[{}]", "peers"),
                call("ledger_accept", "[{}]", "ledger_accept"),
                call("ledger_closed", "[{}]", "ledger_closed"),
                call("ledger_current", "[{}]", "ledger_current"),
                call("consensus_info", "[{}]", "consensus_info"),
                call("logrotate", "[{}]", "logrotate"),
                call("unl_list", "[{}]", "unl_list"),
                call("version", "[{}]", "version"),
                badSyntax("server_info", "extra"),
                badSyntax("ping", "a"),
                call("print", "[{}]", "print"),
                call("print", "[{'params':['x']}]", "print", "x"),

                // account_info and its siblings (parseAccountRaw1)
                call("account_info", "[{'account':'" + A + "'}]", "account_info", A),
                call("account_info", "[{'account':'" + A + "','ledger_index':'validated'}]", "account_info", A, "validated"),
                call("account_info", "[{'account':'" + A + "','ledger_index':123}]", "account_info", A, "123"),
                call("account_info", "[{'account':'" + A + "','ledger_hash':'" + H64 + "'}]", "account_info", A, H64),
                call("account_info", "[{'account':'" + A + "','ledger_index':0}]", "account_info", A, "abc"),
                call("account_info", "[{'account':'" + A + "','strict':1}]", "account_info", A, "strict"),
                call("account_info", "[{'account':'" + APUB + "'}]", "account_info", APUB),
                call("account_info", "[{'account':'" + SEED + "'}]", "account_info", SEED),
                call("account_info", "[{'account':'masterpassphrase'}]", "account_info", "masterpassphrase"),
                call("account_info", "[{'account':'rNotAStoxumAddressAtAll'}]", "account_info", "rNotAStoxumAddressAtAll"),
                actMalformed("account_info", NODEPUB),
                actMalformed("account_info", NODEPRIV),
                actMalformed("account_info", ASECRET),
                actMalformed("account_info", ""),
                badSyntax("account_info"),
                badSyntax("account_info", A, "1", "2"),
                call("owner_info", "[{'account':'" + A + "','ledger_index':'closed'}]", "owner_info", A, "closed"),
                badSyntax("account_currencies", A, "validated", "strict"),
                call("account_currencies", "[{'account':'" + A + "','strict':1}]", "account_currencies", A, "strict"),
                call("account_objects", "[{'account':'" + A + "'}]", "account_objects", A, "current", "x", "y"),
                call("account_objects", "[{'account':'" + A + "','ledger_index':10,'strict':1}]", "account_objects", A, "10", "strict"),
                call("account_offers", "[{'account':'" + A + "','ledger_index':'closed','strict':1}]", "account_offers", A, "closed", "strict"),
                badSyntax("account_offers", A, "1", "2", "3", "4"),

                // account_lines / account_channels (parseAccountRaw2)
                call("account_lines", "[{'account':'" + A + "'}]", "account_lines", A),
                call("account_lines", "[{'account':'" + A + "','peer':'" + B + "'}]", "account_lines", A, B),
                call("account_lines", "[{'account':'" + A + "','ledger_index':'validated'}]", "account_lines", A, "", "validated"),
                call("account_lines", "[{'account':'" + A + "','ledger_index':5,'peer':'" + B + "'}]", "account_lines", A, B, "5", "x", "y"),
                actMalformed("account_lines", A, NODEPUB),
                actMalformed("account_lines", "", B),
                call("account_channels", "[{'account':'" + A + "','destination_account':'" + B + "','ledger_hash':'" + H64 + "'}]",
                        "account_channels", A, B, H64),
                badSyntax("account_channels", A, B, "1", "2"),

                // account_tx / tx_account
                call("account_tx", "[{'account':'" + A + "'}]", "account_tx", A),
                call("account_tx", "[{'account':'" + A + "','binary':true,'count':true,'descending':true}]",
                        "account_tx", A, "binary", "count", "descending"),
                call("account_tx", "[{'account':'" + A + "','binary':true}]", "account_tx", A, "binary"),
                call("account_tx", "[{'account':'" + A + "','ledger_index':'validated'}]", "account_tx", A, "validated"),
                call("account_tx", "[{'account':'" + A + "','ledger_index_max':-1,'ledger_index_min':-1}]", "account_tx", A, "-1", "-1"),
                call("account_tx", "[{'account':'" + A + "','binary':true,'ledger_index_max':10,'ledger_index_min':5,'limit':20,'offset':3}]",
                        "account_tx", A, "5", "10", "20", "3", "binary"),
                call("account_tx", "[{'account':'" + A + "','ledger_index_max':2,'ledger_index_min':1,'limit':3,'offset':4}]",
                        "account_tx", A, "1", "2", "3", "4", "5", "6", "7"),
                call("account_tx", "[{'account':'" + A + "','ledger_index_max':-1,'ledger_index_min':100}]", "account_tx", A, "100", "-1"),
                error("lgrIdxsInvalid", 54, "Ledger indexes invalid.", "account_tx", A, "10", "5"),
                badCast("account_tx", A, "x", "5"),
                actMalformed("account_tx", SEED),
                badSyntax("account_tx", A, "1", "2", "3", "4", "5", "6", "7", "8"),
                call("tx_account", "[{'account':'" + A + "','forward':true,'ledger_index_max':2,'ledger_index_min':1,'limit':3}]",
                        "tx_account", A, "1", "2", "3", "4", "forward"),

                // book_offers, including the limit read from the proof argument
                call("book_offers", "[{'taker_gets':{'currency':'STM'},'taker_pays':{'currency':'USD','issuer':'" + A + "'}}]",
                        "book_offers", "USD/" + A, "STM"),
                call("book_offers", "[{'issuer':'" + B + "','ledger_index':'validated','taker_gets':{'currency':'EUR'},'taker_pays':{'currency':'USD'}}]",
                        "book_offers", "USD", "EUR", B, "validated", "10"),
                call("book_offers", "[{'issuer':'" + B + "','ledger_index':7,'limit':1,'proof':true,'taker_gets':{'currency':'EUR'},'taker_pays':{'currency':'USD'}}]",
                        "book_offers", "USD", "EUR", B, "7", "10", "1"),
                call("book_offers", "[{'issuer':'" + B + "','ledger_index':7,'marker':'mk','taker_gets':{'currency':'EUR'},'taker_pays':{'currency':'USD'}}]",
                        "book_offers", "USD", "EUR", B, "7", "10", "0", "mk"),
                badCast("book_offers", "USD", "EUR", B, "7", "10", "yes"),
                error("invalidParams", 31, "Invalid currency/issuer " + q + "US" + q, "book_offers", "US", "EUR"),
                error("invalidParams", 31, "Invalid currency/issuer " + q + "USD/" + q, "book_offers", "USD/", "EUR"),
                error("invalidParams", 31, "Invalid currency/issuer " + q + "E1R" + q, "book_offers", "USD", "E1R"),
                badSyntax("book_offers", "USD"),

                // can_delete
                call("can_delete", "[{}]", "can_delete"),
                call("can_delete", "[{'can_delete':1000}]", "can_delete", "1000"),
                call("can_delete", "[{'can_delete':'now'}]", "can_delete", "now"),
                call("can_delete", "[{'can_delete':'" + H64 + "'}]", "can_delete", H64),
                badCast("can_delete", "99999999999"),
                badCast("can_delete", ""),

                // payment channels
                call("channel_authorize", "[{'amount':'1000','channel_id':'" + H64 + "','secret':'" + SEED + "'}]",
                        "channel_authorize", SEED, H64, "1000"),
                call("channel_authorize", "[{'amount':'18446744073709551615','channel_id':'" + H64 + "','secret':'" + SEED + "'}]",
                        "channel_authorize", SEED, H64, "18446744073709551615"),
                error("channelMalformed", 43, "Payment channel is malformed.", "channel_authorize", SEED, "zz", "1"),
                error("channelAmtMalformed", 44, "Payment channel amount is malformed.", "channel_authorize", SEED, H64, "1.5"),
                error("channelAmtMalformed", 44, "Payment channel amount is malformed.", "channel_authorize", SEED, H64,
                        "18446744073709551616"),
                call("channel_verify", "[{'amount':'5','channel_id':'" + H64 + "','public_key':'" + APUB + "','signature':'SIG'}]",
                        "channel_verify", APUB, H64, "5", "SIG"),
                call("channel_verify", "[{'amount':'5','channel_id':'" + H64 + "','public_key':'" + ED_HEX + "','signature':'S'}]",
                        "channel_verify", ED_HEX, H64, "5", "S"),
                call("channel_verify", "[{'amount':'5','channel_id':'" + H64 + "','public_key':'" + SECP_HEX.toLowerCase() + "','signature':'S'}]",
                        "channel_verify", SECP_HEX.toLowerCase(), H64, "5", "S"),
                call("channel_verify", "[{'amount':'5','channel_id':'" + H64 + "','public_key':'2" + H64 + "','signature':'S'}]",
                        "channel_verify", "2" + H64, H64, "5", "S"),
                error("publicMalformed", 59, "Public key is malformed.", "channel_verify", NODEPUB, H64, "5", "S"),
                error("channelMalformed", 43, "Payment channel is malformed.", "channel_verify", APUB, H64 + "0", "5", "S"),
                badSyntax("channel_verify", APUB, H64, "5"),

                // connect, feature, fetch_info, get_counts
                call("connect", "[{'ip':'192.0.2.1'}]", "connect", "192.0.2.1"),
                call("connect", "[{'ip':'192.0.2.1','port':51235}]", "connect", "192.0.2.1", "51235"),
                badCast("connect", "h", "x"),
                call("feature", "[{}]", "feature"),
                call("feature", "[{'feature':'Flow'}]", "feature", "Flow"),
                call("feature", "[{'feature':'Flow','vetoed':true}]", "feature", "Flow", "Reject"),
                call("feature", "[{'feature':'Flow','vetoed':false}]", "feature", "Flow", "accept"),
                invalidParams("feature", "Flow", "maybe"),
                call("fetch_info", "[{}]", "fetch_info"),
                call("fetch_info", "[{'clear':true}]", "fetch_info", "clear"),
                call("get_counts", "[{}]", "get_counts"),
                call("get_counts", "[{'min_count':100}]", "get_counts", "100"),
                badCast("get_counts", "-1"),

                // gateway_balances
                call("gateway_balances", "[{'account':'" + A + "'}]", "gateway_balances", A),
                call("gateway_balances", "[{'account':'" + A + "','hotwallet':['" + B + "','xhot2']}]", "gateway_balances", A, B, "xhot2"),
                call("gateway_balances", "[{'account':'" + A + "','hotwallet':['" + B + "'],'ledger_index':'validated'}]",
                        "gateway_balances", "validated", A, B),
                call("gateway_balances", "[{'account':'" + A + "','ledger_hash':'" + H64 + "'}]", "gateway_balances", H64, A),
                error("invalidParams", 31, "Invalid hotwallet", "gateway_balances", "12"),
                error("invalidParams", 31, "Invalid first parameter", "gateway_balances", ""),
                badSyntax("gateway_balances"),

                // json and json2
                call("ledger", "[{'ledger_index':5,'method':'ledger'}]", "json", "ledger", "{\"ledger_index\":5}"),
                invalidParams("json", "ping", "[1]"),
                invalidParams("json", "ping", "{bad"),
                badSyntax("json", "ping"),
                call("ping", "[{'id':7,'jsonrpc':'2.0','method':'ping','ripplerpc':'2.0','x':1}]", "json2",
                        "{\"jsonrpc\":\"2.0\",\"ripplerpc\":\"2.0\",\"id\":7,\"method\":\"ping\",\"params\":{\"x\":1}}"),
                call("batch", "[{'id':1,'jsonrpc':'2.0','method':'ping','ripplerpc':'2.0'},{'id':2,'jsonrpc':'2.0','method':'random','ripplerpc':'2.0'}]",
                        "json2", "[{\"jsonrpc\":\"2.0\",\"ripplerpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                                + "{\"jsonrpc\":\"2.0\",\"ripplerpc\":\"2.0\",\"id\":2,\"method\":\"random\"}]"),
                fails(31, "{'error':'invalidParams','error_code':31,'error_message':'Invalid parameters.','id':3,'jsonrpc':'2.0',"
                                + "'rpc':{'method':'json2','params':['{\\'jsonrpc\\':\\'2.0\\',\\'id\\':3,\\'method\\':\\'ping\\'}']},'status':'error'}",
                        "json2", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"),
                fails(70, "{'error':'internal','error_code':70,'error_message':'Internal error.','error_what':'Type is not convertible to string'}",
                        "json2", "{\"jsonrpc\":\"2.0\",\"ripplerpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[{\"a\":1}]}"),

                // ledger and friends
                call("ledger", "[{}]", "ledger"),
                call("ledger", "[{'ledger_index':'validated'}]", "ledger", "validated"),
                call("ledger", "[{'full':true,'ledger_index':123}]", "ledger", "123", "full"),
                call("ledger", "[{'expand':true,'ledger_hash':'" + H64 + "','transactions':true}]", "ledger", H64, "tx"),
                call("ledger", "[{'ledger_index':'closed'}]", "ledger", "closed", "other"),
                call("ledger", "[{'ledger_index':4294967295}]", "ledger", "4294967295"),
                call("ledger", "[{'ledger_index':0}]", "ledger", "4294967296"),
                badSyntax("ledger", "1", "full", "x"),
                call("ledger_header", "[{'ledger_index':5}]", "ledger_header", "5"),
                call("ledger_header", "[{'ledger_hash':'" + H64 + "'}]", "ledger_header", H64),
                call("ledger_request", "[{'ledger_index':0}]", "ledger_request", "abc"),
                call("log_level", "[{}]", "log_level"),
                call("log_level", "[{'severity':'debug'}]", "log_level", "debug"),
                call("log_level", "[{'partition':'Peer','severity':'trace'}]", "log_level", "Peer", "trace"),

                // ripple_path_find
                call("ripple_path_find", "[{'source_account':'x'}]", "ripple_path_find", "{\"source_account\":\"x\"}"),
                call("ripple_path_find", "[{'a':1,'ledger_index':'validated'}]", "ripple_path_find", "{\"a\":1}", "validated"),
                invalidParams("ripple_path_find", "nope"),

                // signing and submitting
                call("sign", "[{'secret':'" + SEED + "','tx_json':" + tx + "}]", "sign", SEED, TX),
                call("sign", "[{'offline':true,'secret':'" + SEED + "','tx_json':" + tx + "}]", "sign", SEED, TX, "offline"),
                invalidParams("sign", SEED, TX, "online"),
                invalidParams("sign", SEED, "{bad"),
                badSyntax("sign", SEED),
                call("submit", "[{'tx_blob':'1200'}]", "submit", "1200"),
                call("submit", "[{'secret':'" + SEED + "','tx_json':" + tx + "}]", "submit", SEED, TX),
                call("sign_for", "[{'account':'" + A + "','secret':'" + SEED + "','tx_json':" + tx + "}]",
                        "sign_for", A, SEED, TX),
                call("sign_for", "[{'account':'" + A + "','offline':true,'secret':'" + SEED + "','tx_json':" + tx + "}]",
                        "sign_for", A, SEED, TX, "offline"),
                invalidParams("sign_for", A, SEED, "bad"),
                invalidParams("sign_for", A, SEED, TX, "x"),
                call("submit_multisigned", "[{'tx_json':" + tx + "}]", "submit_multisigned", TX),
                invalidParams("submit_multisigned", "bad"),

                // transactions
                call("transaction_entry", "[{'ledger_index':'validated','tx_hash':'" + H64 + "'}]", "transaction_entry", H64, "validated"),
                call("transaction_entry", "[{'ledger_index':5,'tx_hash':'" + H64 + "'}]", "transaction_entry", H64, "5"),
                invalidParams("transaction_entry", H64, "abc"),
                invalidParams("transaction_entry", "short", "5"),
                call("tx", "[{'transaction':'" + H64 + "'}]", "tx", H64),
                call("tx", "[{'binary':true,'transaction':'" + H64 + "'}]", "tx", H64, "binary"),
                call("tx_history", "[{'start':20}]", "tx_history", "20"),
                badCast("tx_history", "x"),

                // keys
                call("validation_create", "[{}]", "validation_create"),
                call("validation_create", "[{'secret':'" + SEED + "'}]", "validation_create", SEED),
                call("validation_seed", "[{'secret':'x'}]", "validation_seed", "x"),
                call("wallet_propose", "[{}]", "wallet_propose"),
                call("wallet_propose", "[{'passphrase':'masterpassphrase'}]", "wallet_propose", "masterpassphrase"),
                badSyntax("wallet_propose", "a", "b"),

                // internal, evented and unknown commands
                call("internal", "[{'internal_command':'cmd','params':['a','b']}]", "internal", "cmd", "a", "b"),
                badSyntax("internal"),
                error("noEvents", 7, "Current transport does not support events.", "subscribe", "x"),
                error("noEvents", 7, "Current transport does not support events.", "unsubscribe"),
                error("noEvents", 7, "Current transport does not support events.", "path_find"),
                call("ledger_entry", "[{'params':['x']}]", "ledger_entry", "x"),
                call("fee", "[{}]", "fee"),
                call("validator_info", "[{}]", "validator_info"),
                call("manifest", "[{'params':['" + NODEPUB + "']}]", "manifest", NODEPUB));
    }

    private final ClientCommandParser stoxum = new ClientCommandParser(NetworkProfile.STOXUM);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsLikeRpcCall(Case c) throws Exception {
        JsonNode expected = JSON.readTree(c.expected);
        ClientRequest got = stoxum.parse(c.words);
        if (expected.has("method")) {
            ClientRequest.Call call = assertInstanceOf(ClientRequest.Call.class, got, () -> got.toString());
            assertEquals(expected.get("method").asText(), call.method());
            assertEquals(expected.get("params"), call.params());
            assertEquals(JSON.writeValueAsString(expected.get("params")), JSON.writeValueAsString(call.params()),
                    "keys in stoxumd's sorted order");
            assertEquals(c.words.get(0), call.rpc().get("method").asText());
        } else {
            ClientRequest.Failure failure = assertInstanceOf(ClientRequest.Failure.class, got, () -> got.toString());
            assertEquals(expected.get("answer"), failure.answer());
            assertEquals(JSON.writeValueAsString(expected.get("answer")), JSON.writeValueAsString(failure.answer()));
            assertEquals(expected.get("exit").asInt(), failure.exitStatus());
        }
    }

    @Test
    void theBodyIsAJsonRpcOneCallWithIdOne() throws Exception {
        ClientRequest.Call call = (ClientRequest.Call) stoxum.parse(List.of("account_info", A, "validated"));
        assertEquals("{\"id\":1,\"method\":\"account_info\",\"params\":[{\"account\":\"" + A
                + "\",\"ledger_index\":\"validated\"}]}", JSON.writeValueAsString(call.body()));
    }

    @Test
    void adminCredentialsJoinTheRequestObjectInOrder() throws Exception {
        ClientRequest.Call call = (ClientRequest.Call) stoxum.parse(List.of("ledger_accept"));
        ClientRequest.Call admin = call.withAdminCredentials("root", "toor");
        assertEquals("[{\"admin_password\":\"toor\",\"admin_user\":\"root\"}]", JSON.writeValueAsString(admin.params()));
        assertEquals("[{\"admin_user\":\"root\"}]",
                JSON.writeValueAsString(call.withAdminCredentials("root", "").params()));
        assertEquals(call.params(), call.withAdminCredentials("", "").params());
        ClientRequest.Call batch = (ClientRequest.Call) stoxum.parse(List.of("json2",
                "[{\"jsonrpc\":\"2.0\",\"ripplerpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"));
        assertEquals(batch.params(), batch.withAdminCredentials("root", "toor").params(), "batches carry no credentials");
    }

    @Test
    void theRippleProfileReadsRippleAddresses() {
        ClientCommandParser ripple = new ClientCommandParser(NetworkProfile.RIPPLE);
        ClientRequest.Call call = (ClientRequest.Call) ripple.parse(List.of("gateway_balances", RIPPLE_A));
        assertEquals(RIPPLE_A, call.params().get(0).get("account").asText());
        ClientRequest.Call tx = (ClientRequest.Call) ripple.parse(List.of("account_tx", RIPPLE_A));
        assertEquals(RIPPLE_A, tx.params().get(0).get("account").asText());
        assertInstanceOf(ClientRequest.Failure.class, stoxum.parse(List.of("account_tx", RIPPLE_A)),
                "a ripple address does not pass the stoxum checksum");
    }
}
