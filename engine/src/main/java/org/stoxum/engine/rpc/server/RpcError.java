package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RPC error vocabulary of stoxumd: token, number and default message of every error the server
 * can answer with.
 *
 * <p>Tokens are the stable API; numbers follow the original enumeration order (only 0 to 3 were
 * promised stable, but clients and the command-line client's exit status see them all). An error is
 * injected into an answer as the triple {@code error}/{@code error_code}/{@code error_message}; the
 * envelope then adds {@code status} and the {@code request} echo.
 */
public enum RpcError {
    UNKNOWN(-1, "unknown", "An unknown error code."),
    BAD_SYNTAX(1, "badSyntax", "Syntax error."),
    JSON_RPC(2, "json_rpc", "JSON-RPC transport error."),
    FORBIDDEN(3, "forbidden", "Bad credentials."),
    GENERAL(4, "general", "Generic error reason."),
    LOAD_FAILED(5, "loadFailed", "Load failed"),
    NO_PERMISSION(6, "noPermission", "You don't have permission for this command."),
    NO_EVENTS(7, "noEvents", "Current transport does not support events."),
    NOT_STANDALONE(8, "notStandAlone", "Operation valid in debug mode only."),
    TOO_BUSY(9, "tooBusy", "The server is too busy to help you now."),
    SLOW_DOWN(10, "slowDown", "You are placing too much load on the server."),
    HIGH_FEE(11, "highFee", "Current transaction fee exceeds your limit."),
    NOT_ENABLED(12, "notEnabled", "Not enabled in configuration."),
    NOT_READY(13, "notReady", "Not ready to handle this request."),
    AMENDMENT_BLOCKED(14, "amendmentBlocked", "Amendment blocked, need upgrade."),
    NO_CLOSED(15, "noClosed", "Closed ledger is unavailable."),
    NO_CURRENT(16, "noCurrent", "Current ledger is unavailable."),
    NO_NETWORK(17, "noNetwork", "Not synced to Ripple network."),
    ACT_EXISTS(18, "actExists", "Account already exists."),
    ACT_NOT_FOUND(19, "actNotFound", "Account not found."),
    INSUF_FUNDS(20, "insufFunds", "Insufficient funds."),
    LGR_NOT_FOUND(21, "lgrNotFound", "Ledger not found."),
    LGR_NOT_VALIDATED(22, "lgrNotValidated", "Ledger not validated."),
    MASTER_DISABLED(23, "masterDisabled", "Master key is disabled."),
    NO_ACCOUNT(24, "noAccount", "No such account."),
    NO_PATH(25, "noPath", "Unable to find a ripple path."),
    PASSWD_CHANGED(26, "passwdChanged", "Wrong key, password changed."),
    SRC_MISSING(27, "srcMissing", "Source is missing."),
    SRC_UNCLAIMED(28, "srcUnclaimed", "Source account is not claimed."),
    TXN_NOT_FOUND(29, "txnNotFound", "Transaction not found."),
    WRONG_SEED(30, "wrongSeed", "The regular key does not point as the master key."),
    INVALID_PARAMS(31, "invalidParams", "Invalid parameters."),
    UNKNOWN_COMMAND(32, "unknownCmd", "Unknown method."),
    NO_PF_REQUEST(33, "noPathRequest", "No pathfinding request in progress."),
    ACT_BITCOIN(34, "actBitcoin", "Account is bitcoin address."),
    ACT_MALFORMED(35, "actMalformed", "Account malformed."),
    QUALITY_MALFORMED(36, "qualityMalformed", "Quality malformed."),
    BAD_BLOB(37, "badBlob", "Blob must be a non-empty hex string."),
    BAD_FEATURE(38, "badFeature", "Feature unknown or invalid."),
    BAD_ISSUER(39, "badIssuer", "Issuer account malformed."),
    BAD_MARKET(40, "badMarket", "No such market."),
    BAD_SECRET(41, "badSecret", "Secret does not match account."),
    BAD_SEED(42, "badSeed", "Disallowed seed."),
    CHANNEL_MALFORMED(43, "channelMalformed", "Payment channel is malformed."),
    CHANNEL_AMT_MALFORMED(44, "channelAmtMalformed", "Payment channel amount is malformed."),
    COMMAND_MISSING(45, "commandMissing", "Missing command entry."),
    DST_ACT_MALFORMED(46, "dstActMalformed", "Destination account is malformed."),
    DST_ACT_MISSING(47, "dstActMissing", "Destination account does not exist."),
    DST_AMT_MALFORMED(48, "dstAmtMalformed", "Destination amount/currency/issuer is malformed."),
    /** Numbered but never registered: answers carry the {@link #UNKNOWN} triple. */
    DST_AMT_MISSING(49, null, null),
    DST_ISR_MALFORMED(50, "dstIsrMalformed", "Destination issuer is malformed."),
    GETS_ACT_MALFORMED(51, "getsActMalformed", "Gets account malformed."),
    GETS_AMT_MALFORMED(52, "getsAmtMalformed", "Gets amount malformed."),
    HOST_IP_MALFORMED(53, "hostIpMalformed", "Host IP is malformed."),
    LGR_IDXS_INVALID(54, "lgrIdxsInvalid", "Ledger indexes invalid."),
    LGR_IDX_MALFORMED(55, "lgrIdxMalformed", "Ledger index malformed."),
    PAYS_ACT_MALFORMED(56, "paysActMalformed", "Pays account malformed."),
    PAYS_AMT_MALFORMED(57, "paysAmtMalformed", "Pays amount malformed."),
    PORT_MALFORMED(58, "portMalformed", "Port is malformed."),
    PUBLIC_MALFORMED(59, "publicMalformed", "Public key is malformed."),
    SIGN_FOR_MALFORMED(60, "signForMalformed", "Signing for account is malformed."),
    SENDMAX_MALFORMED(61, "sendMaxMalformed", "SendMax amount malformed."),
    SRC_ACT_MALFORMED(62, "srcActMalformed", "Source account is malformed."),
    SRC_ACT_MISSING(63, "srcActMissing", "Source account not provided."),
    SRC_ACT_NOT_FOUND(64, "srcActNotFound", "Source account not found."),
    SRC_AMT_MALFORMED(65, "srcAmtMalformed", "Source amount/currency/issuer is malformed."),
    SRC_CUR_MALFORMED(66, "srcCurMalformed", "Source currency is malformed."),
    SRC_ISR_MALFORMED(67, "srcIsrMalformed", "Source issuer is malformed."),
    STREAM_MALFORMED(68, "malformedStream", "Stream malformed."),
    ATX_DEPRECATED(69, "deprecated", "Use the new API or specify a ledger range."),
    INTERNAL(70, "internal", "Internal error."),
    NOT_IMPL(71, "notImpl", "Not implemented."),
    NOT_SUPPORTED(72, "notSupported", "Operation not supported.");

    /** Field holding the token. */
    public static final String ERROR = "error";
    /** Field holding the number. */
    public static final String ERROR_CODE = "error_code";
    /** Field holding the human-readable message. */
    public static final String ERROR_MESSAGE = "error_message";

    private static final Map<String, RpcError> BY_TOKEN = new HashMap<>();
    private static final Map<Integer, RpcError> BY_CODE = new HashMap<>();

    static {
        for (RpcError e : values()) {
            BY_CODE.put(e.code, e);
            if (e.token != null) {
                BY_TOKEN.put(e.token, e);
            }
        }
    }

    private final int code;
    private final String token;
    private final String message;

    RpcError(int code, String token, String message) {
        this.code = code;
        this.token = token;
        this.message = message;
    }

    /** The number clients see as {@code error_code}. */
    public int code() {
        return info().code;
    }

    /** The token clients see as {@code error}. */
    public String token() {
        return info().token;
    }

    /** The default {@code error_message}. */
    public String message() {
        return info().message;
    }

    /** The enumeration value as numbered in the original, even when unregistered. */
    public int number() {
        return code;
    }

    /** The entry whose token, number and message are used: unregistered codes fall back to UNKNOWN. */
    private RpcError info() {
        return token == null ? UNKNOWN : this;
    }

    /** Writes this error's triple into {@code json}, replacing any earlier one. */
    public ObjectNode inject(ObjectNode json) {
        return inject(json, message());
    }

    /** Writes this error's token and number with a specific message into {@code json}. */
    public ObjectNode inject(ObjectNode json, String specificMessage) {
        json.put(ERROR, token());
        json.put(ERROR_CODE, code());
        json.put(ERROR_MESSAGE, specificMessage);
        return json;
    }

    /** A new answer object holding only this error. */
    public ObjectNode make() {
        return inject(JsonNodeFactory.instance.objectNode());
    }

    /** A new answer object holding this error with a specific message. */
    public ObjectNode make(String specificMessage) {
        return inject(JsonNodeFactory.instance.objectNode(), specificMessage);
    }

    /** The error registered under {@code token}. */
    public static Optional<RpcError> fromToken(String token) {
        return Optional.ofNullable(BY_TOKEN.get(token));
    }

    /** The error numbered {@code number}. */
    public static Optional<RpcError> fromNumber(int number) {
        return Optional.ofNullable(BY_CODE.get(number));
    }

    /** True when {@code json} is an object carrying an {@code error} member. */
    public static boolean isError(JsonNode json) {
        return json != null && json.isObject() && json.has(ERROR);
    }

    /** invalidParams with "Missing field 'name'.". */
    public static ObjectNode missingField(String name) {
        return INVALID_PARAMS.make("Missing field '" + name + "'.");
    }

    /** invalidParams with "Invalid field 'name', not object.". */
    public static ObjectNode objectField(String name) {
        return INVALID_PARAMS.make("Invalid field '" + name + "', not object.");
    }

    /** invalidParams with "Invalid field 'name'.". */
    public static ObjectNode invalidField(String name) {
        return INVALID_PARAMS.make("Invalid field '" + name + "'.");
    }

    /** invalidParams with "Invalid field 'name', not type.". */
    public static ObjectNode expectedField(String name, String type) {
        return INVALID_PARAMS.make("Invalid field '" + name + "', not " + type + ".");
    }
}
