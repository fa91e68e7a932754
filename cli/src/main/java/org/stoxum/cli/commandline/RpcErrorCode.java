package org.stoxum.cli.commandline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rippled RPC errors client mode can produce before anything is sent: token, number (the process
 * exit status) and message, exactly as stoxumd's error table has them.
 */
enum RpcErrorCode {
    BAD_SYNTAX("badSyntax", 1, "Syntax error."),
    NO_EVENTS("noEvents", 7, "Current transport does not support events."),
    INVALID_PARAMS("invalidParams", 31, "Invalid parameters."),
    ACT_MALFORMED("actMalformed", 35, "Account malformed."),
    CHANNEL_MALFORMED("channelMalformed", 43, "Payment channel is malformed."),
    CHANNEL_AMT_MALFORMED("channelAmtMalformed", 44, "Payment channel amount is malformed."),
    LGR_IDXS_INVALID("lgrIdxsInvalid", 54, "Ledger indexes invalid."),
    LGR_IDX_MALFORMED("lgrIdxMalformed", 55, "Ledger index malformed."),
    PUBLIC_MALFORMED("publicMalformed", 59, "Public key is malformed."),
    INTERNAL("internal", 70, "Internal error.");

    private final String token;
    private final int code;
    private final String message;

    RpcErrorCode(String token, int code, String message) {
        this.token = token;
        this.code = code;
        this.message = message;
    }

    int code() {
        return code;
    }

    /** {@code {"error", "error_code", "error_message"}} with the standard message. */
    ObjectNode json() {
        return json(message);
    }

    /** The error with a specific message instead of the standard one. */
    ObjectNode json(String specificMessage) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", token);
        n.put("error_code", code);
        n.put("error_message", specificMessage);
        return n;
    }
}
