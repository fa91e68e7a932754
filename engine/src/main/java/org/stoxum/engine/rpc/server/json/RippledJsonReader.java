package org.stoxum.engine.rpc.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON exactly as stoxumd's request reader does, so that the same bodies are accepted or refused
 * and the refusals carry the same text.
 *
 * <p>A strict standard parser would disagree with the original server at the edges, and those edges
 * are visible to clients: comments are allowed, anything after the root value is ignored, duplicate
 * keys are refused, integers must fit 32 bits (signed, or unsigned when positive), a fractional
 * number is read as the longest numeric prefix of its token, nesting deeper than {@value #NEST_LIMIT}
 * levels is refused, a NUL byte ends the document, and the root must be an object or an array. The
 * error report ({@link Result#errors()}) lists each problem as {@code "* Line L, Column C\n  message\n"},
 * the text the server places after "Unable to parse request: ".
 *
 * <p>Integers become {@code IntNode} (signed 32-bit range) or {@code LongNode} (above it, up to
 * 2^32-1); fractional or exponent numbers become {@code DoubleNode}. Strings are decoded from UTF-8,
 * with malformed sequences replaced by U+FFFD.
 */
public final class RippledJsonReader {

    /** Deepest nesting accepted below the root value. */
    public static final int NEST_LIMIT = 25;

    private static final long MAX_UINT = 0xFFFF_FFFFL;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Outcome of a parse: the root (possibly partial or null when not ok) and the formatted errors. */
    public record Result(boolean ok, JsonNode root, String errors) {
        /** The root when the parse succeeded and it is an object, else null. */
        public ObjectNode object() {
            return ok && root instanceof ObjectNode o ? o : null;
        }
    }

    private enum TokenType {
        END_OF_STREAM, OBJECT_BEGIN, OBJECT_END, ARRAY_BEGIN, ARRAY_END, STRING, INTEGER, DOUBLE,
        TRUE, FALSE, NULL, ARRAY_SEPARATOR, MEMBER_SEPARATOR, COMMENT, ERROR
    }

    private static final class Token {
        TokenType type;
        int start;
        int end;
    }

    private record ErrorInfo(int tokenStart, String message, int extra) { }

    /** A value under construction; {@code node} stays null when nothing could be assigned. */
    private static final class Slot {
        JsonNode node;
    }

    private final byte[] doc;
    private final int end;
    private int current;
    private final List<ErrorInfo> errors = new ArrayList<>();

    private RippledJsonReader(byte[] doc, int length) {
        this.doc = doc;
        this.end = length;
    }

    /** Parses a whole document. */
    public static Result parse(byte[] document) {
        return parse(document, document.length);
    }

    /** Parses the first {@code length} bytes of {@code document}. */
    public static Result parse(byte[] document, int length) {
        return new RippledJsonReader(document, length).run();
    }

    /** Parses a string, encoded as UTF-8. */
    public static Result parse(String document) {
        return parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private Result run() {
        Slot root = new Slot();
        boolean successful = readValue(root, 0);
        Token trailing = new Token();
        skipCommentTokens(trailing);
        if (!(root.node instanceof ObjectNode) && !(root.node instanceof ArrayNode)) {
            errors.add(new ErrorInfo(0, "A valid JSON document must be either an array or an object value.", -1));
            return new Result(false, root.node, formattedErrors());
        }
        return new Result(successful, root.node, formattedErrors());
    }

    private boolean readValue(Slot slot, int depth) {
        Token token = new Token();
        skipCommentTokens(token);
        if (depth > NEST_LIMIT) {
            return addError("Syntax error: maximum nesting depth exceeded", token, -1);
        }
        return switch (token.type) {
            case OBJECT_BEGIN -> readObject(slot, depth);
            case ARRAY_BEGIN -> readArray(slot, depth);
            case INTEGER -> decodeNumber(token, slot);
            case DOUBLE -> decodeDouble(token, slot);
            case STRING -> decodeString(token, slot);
            case TRUE -> assign(slot, NODES.booleanNode(true));
            case FALSE -> assign(slot, NODES.booleanNode(false));
            case NULL -> assign(slot, NODES.nullNode());
            default -> addError("Syntax error: value, object or array expected.", token, -1);
        };
    }

    private static boolean assign(Slot slot, JsonNode node) {
        slot.node = node;
        return true;
    }

    private void skipCommentTokens(Token token) {
        do {
            readToken(token);
        } while (token.type == TokenType.COMMENT);
    }

    private void readToken(Token token) {
        skipSpaces();
        token.start = current;
        int c = nextChar();
        boolean ok = true;
        switch (c) {
            case '{' -> token.type = TokenType.OBJECT_BEGIN;
            case '}' -> token.type = TokenType.OBJECT_END;
            case '[' -> token.type = TokenType.ARRAY_BEGIN;
            case ']' -> token.type = TokenType.ARRAY_END;
            case '"' -> {
                token.type = TokenType.STRING;
                ok = readString();
            }
            case '/' -> {
                token.type = TokenType.COMMENT;
                ok = readComment();
            }
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-' -> token.type = readNumber();
            case 't' -> {
                token.type = TokenType.TRUE;
                ok = match("rue");
            }
            case 'f' -> {
                token.type = TokenType.FALSE;
                ok = match("alse");
            }
            case 'n' -> {
                token.type = TokenType.NULL;
                ok = match("ull");
            }
            case ',' -> token.type = TokenType.ARRAY_SEPARATOR;
            case ':' -> token.type = TokenType.MEMBER_SEPARATOR;
            case 0 -> token.type = TokenType.END_OF_STREAM;
            default -> ok = false;
        }
        if (!ok) {
            token.type = TokenType.ERROR;
        }
        token.end = current;
    }

    private void skipSpaces() {
        while (current != end) {
            byte c = doc[current];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++current;
            } else {
                break;
            }
        }
    }

    private boolean match(String pattern) {
        int length = pattern.length();
        if (end - current < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (doc[current + i] != pattern.charAt(i)) {
                return false;
            }
        }
        current += length;
        return true;
    }

    private boolean readComment() {
        int c = nextChar();
        if (c == '*') {
            while (current != end) {
                int d = nextChar();
                if (d == '*' && current != end && doc[current] == '/') {
                    break;
                }
            }
            return nextChar() == '/';
        }
        if (c == '/') {
            while (current != end) {
                int d = nextChar();
                if (d == '\r' || d == '\n') {
                    break;
                }
            }
            return true;
        }
        return false;
    }

    private TokenType readNumber() {
        TokenType type = TokenType.INTEGER;
        if (current != end) {
            if (doc[current] == '-') {
                ++current;
            }
            while (current != end) {
                byte c = doc[current];
                if (c < '0' || c > '9') {
                    if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                        break;
                    }
                    type = TokenType.DOUBLE;
                }
                ++current;
            }
        }
        return type;
    }

    private boolean readString() {
        int c = 0;
        while (current != end) {
            c = nextChar();
            if (c == '\\') {
                nextChar();
            } else if (c == '"') {
                break;
            }
        }
        return c == '"';
    }

    private boolean readObject(Slot slot, int depth) {
        ObjectNode object = NODES.objectNode();
        slot.node = object;
        Token tokenName = new Token();
        String name = "";
        while (true) {
            readToken(tokenName);
            while (tokenName.type == TokenType.COMMENT) {
                readToken(tokenName);
            }
            if (tokenName.type == TokenType.OBJECT_END && name.isEmpty()) {
                return true;
            }
            if (tokenName.type != TokenType.STRING) {
                break;
            }
            ByteArrayOutputStream decoded = new ByteArrayOutputStream();
            if (!decodeString(tokenName, decoded)) {
                return recoverFromError(TokenType.OBJECT_END);
            }
            name = decoded.toString(StandardCharsets.UTF_8);
            Token colon = new Token();
            readToken(colon);
            if (colon.type != TokenType.MEMBER_SEPARATOR) {
                return addErrorAndRecover("Missing ':' after object member name", colon, TokenType.OBJECT_END);
            }
            if (object.has(name)) {
                return addError("Key '" + name + "' appears twice.", tokenName, -1);
            }
            object.putNull(name);
            Slot member = new Slot();
            boolean ok = readValue(member, depth + 1);
            if (member.node != null) {
                object.set(name, member.node);
            }
            if (!ok) {
                return recoverFromError(TokenType.OBJECT_END);
            }
            Token comma = new Token();
            readToken(comma);
            if (comma.type != TokenType.OBJECT_END && comma.type != TokenType.ARRAY_SEPARATOR
                    && comma.type != TokenType.COMMENT) {
                return addErrorAndRecover("Missing ',' or '}' in object declaration", comma, TokenType.OBJECT_END);
            }
            while (comma.type == TokenType.COMMENT) {
                readToken(comma);
            }
            if (comma.type == TokenType.OBJECT_END) {
                return true;
            }
        }
        return addErrorAndRecover("Missing '}' or object member name", tokenName, TokenType.OBJECT_END);
    }

    private boolean readArray(Slot slot, int depth) {
        ArrayNode array = NODES.arrayNode();
        slot.node = array;
        skipSpaces();
        if (current != end && doc[current] == ']') {
            readToken(new Token());
            return true;
        }
        while (true) {
            Slot element = new Slot();
            boolean ok = readValue(element, depth + 1);
            array.add(element.node == null ? NODES.nullNode() : element.node);
            if (!ok) {
                return recoverFromError(TokenType.ARRAY_END);
            }
            Token token = new Token();
            readToken(token);
            while (token.type == TokenType.COMMENT) {
                readToken(token);
            }
            if (token.type != TokenType.ARRAY_SEPARATOR && token.type != TokenType.ARRAY_END) {
                return addErrorAndRecover("Missing ',' or ']' in array declaration", token, TokenType.ARRAY_END);
            }
            if (token.type == TokenType.ARRAY_END) {
                return true;
            }
        }
    }

    private boolean decodeNumber(Token token, Slot slot) {
        int position = token.start;
        boolean negative = doc[position] == '-';
        if (negative) {
            ++position;
        }
        if (position == token.end) {
            return addError("'" + text(token) + "' is not a valid number.", token, -1);
        }
        long value = 0;
        while (position < token.end && value <= MAX_UINT) {
            byte c = doc[position++];
            if (c < '0' || c > '9') {
                return addError("'" + text(token) + "' is not a number.", token, -1);
            }
            value = value * 10 + (c - '0');
        }
        if (position != token.end) {
            return addError("'" + text(token) + "' exceeds the allowable range.", token, -1);
        }
        if (negative) {
            value = -value;
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return addError("'" + text(token) + "' exceeds the allowable range.", token, -1);
            }
            return assign(slot, NODES.numberNode((int) value));
        }
        if (value > MAX_UINT) {
            return addError("'" + text(token) + "' exceeds the allowable range.", token, -1);
        }
        return assign(slot, value <= Integer.MAX_VALUE ? NODES.numberNode((int) value) : NODES.numberNode(value));
    }

    private boolean decodeDouble(Token token, Slot slot) {
        String text = text(token);
        String prefix = CNumbers.strtodPrefix(text);
        if (prefix == null) {
            return addError("'" + text + "' is not a number.", token, -1);
        }
        return assign(slot, NODES.numberNode(Double.parseDouble(prefix)));
    }

    private boolean decodeString(Token token, Slot slot) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        if (!decodeString(token, decoded)) {
            return false;
        }
        return assign(slot, NODES.textNode(decoded.toString(StandardCharsets.UTF_8)));
    }

    private boolean decodeString(Token token, ByteArrayOutputStream decoded) {
        int position = token.start + 1;
        int stop = token.end - 1;
        while (position != stop) {
            byte c = doc[position++];
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                decoded.write(c);
                continue;
            }
            if (position == stop) {
                return addError("Empty escape sequence in string", token, position);
            }
            byte escape = doc[position++];
            switch (escape) {
                case '"' -> decoded.write('"');
                case '/' -> decoded.write('/');
                case '\\' -> decoded.write('\\');
                case 'b' -> decoded.write('\b');
                case 'f' -> decoded.write('\f');
                case 'n' -> decoded.write('\n');
                case 'r' -> decoded.write('\r');
                case 't' -> decoded.write('\t');
                case 'u' -> {
                    int[] cursor = {position};
                    long unicode = decodeUnicodeCodePoint(token, cursor, stop);
                    if (unicode < 0) {
                        return false;
                    }
                    position = cursor[0];
                    writeUtf8((int) unicode, decoded);
                }
                default -> {
                    return addError("Bad escape sequence in string", token, position);
                }
            }
        }
        return true;
    }

    /** Returns the code point, or -1 after recording an error. */
    private long decodeUnicodeCodePoint(Token token, int[] cursor, int stop) {
        long unicode = decodeUnicodeEscapeSequence(token, cursor, stop);
        if (unicode < 0) {
            return -1;
        }
        if (unicode >= 0xD800 && unicode <= 0xDBFF) {
            if (stop - cursor[0] < 6) {
                addError("additional six characters expected to parse unicode surrogate pair.", token, cursor[0]);
                return -1;
            }
            if (doc[cursor[0]++] == '\\' && doc[cursor[0]++] == 'u') {
                long low = decodeUnicodeEscapeSequence(token, cursor, stop);
                if (low < 0) {
                    return -1;
                }
                unicode = 0x10000 + ((unicode & 0x3FF) << 10) + (low & 0x3FF);
            } else {
                addError("expecting another \\u token to begin the second half of a unicode surrogate pair",
                        token, cursor[0]);
                return -1;
            }
        }
        return unicode;
    }

    private long decodeUnicodeEscapeSequence(Token token, int[] cursor, int stop) {
        if (stop - cursor[0] < 4) {
            addError("Bad unicode escape sequence in string: four digits expected.", token, cursor[0]);
            return -1;
        }
        long unicode = 0;
        for (int i = 0; i < 4; i++) {
            byte c = doc[cursor[0]++];
            unicode *= 16;
            if (c >= '0' && c <= '9') {
                unicode += c - '0';
            } else if (c >= 'a' && c <= 'f') {
                unicode += c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                unicode += c - 'A' + 10;
            } else {
                addError("Bad unicode escape sequence in string: hexadecimal digit expected.", token, cursor[0]);
                return -1;
            }
        }
        return unicode;
    }

    /** Encodes a code point the way the original reader does, surrogates included (CESU-style). */
    private static void writeUtf8(int cp, ByteArrayOutputStream out) {
        if (cp <= 0x7F) {
            out.write(cp);
        } else if (cp <= 0x7FF) {
            out.write(0xC0 | (0x1F & (cp >> 6)));
            out.write(0x80 | (0x3F & cp));
        } else if (cp <= 0xFFFF) {
            out.write(0xE0 | (0xF & (cp >> 12)));
            out.write(0x80 | (0x3F & (cp >> 6)));
            out.write(0x80 | (0x3F & cp));
        } else if (cp <= 0x10FFFF) {
            out.write(0xF0 | (0x7 & (cp >> 18)));
            out.write(0x80 | (0x3F & (cp >> 12)));
            out.write(0x80 | (0x3F & (cp >> 6)));
            out.write(0x80 | (0x3F & cp));
        }
    }

    private boolean addError(String message, Token token, int extra) {
        errors.add(new ErrorInfo(token.start, message, extra));
        return false;
    }

    private boolean recoverFromError(TokenType skipUntil) {
        int errorCount = errors.size();
        Token skip = new Token();
        do {
            readToken(skip);
        } while (skip.type != skipUntil && skip.type != TokenType.END_OF_STREAM);
        errors.subList(errorCount, errors.size()).clear();
        return false;
    }

    private boolean addErrorAndRecover(String message, Token token, TokenType skipUntil) {
        addError(message, token, -1);
        return recoverFromError(skipUntil);
    }

    private int nextChar() {
        if (current == end) {
            return 0;
        }
        return doc[current++] & 0xFF;
    }

    private String text(Token token) {
        return new String(doc, token.start, token.end - token.start, StandardCharsets.UTF_8);
    }

    private String lineAndColumn(int location) {
        int position = 0;
        int lastLineStart = 0;
        int line = 0;
        while (position < location && position != end) {
            byte c = doc[position++];
            if (c == '\r') {
                if (position != end && doc[position] == '\n') {
                    ++position;
                }
                lastLineStart = position;
                ++line;
            } else if (c == '\n') {
                lastLineStart = position;
                ++line;
            }
        }
        return "Line " + (line + 1) + ", Column " + (location - lastLineStart + 1);
    }

    private String formattedErrors() {
        StringBuilder out = new StringBuilder();
        for (ErrorInfo error : errors) {
            out.append("* ").append(lineAndColumn(error.tokenStart())).append('\n');
            out.append("  ").append(error.message()).append('\n');
            if (error.extra() >= 0) {
                out.append("See ").append(lineAndColumn(error.extra())).append(" for detail.\n");
            }
        }
        return out.toString();
    }
}
