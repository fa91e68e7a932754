package org.stoxum.engine.rpc.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x requests from a connection's input incrementally, one at a time, leaving any bytes
 * after a complete request (pipelining) in the buffer.
 *
 * <p>Bodies come as Content-Length or chunked. A body larger than the request limit is refused as soon
 * as its size is known, without reading it. Anything malformed is refused with a reason; the caller
 * answers 400 and closes, since the stream cannot be resynchronized.
 */
final class HttpRequestParser {

    /** What a call to {@link #feed} achieved. */
    sealed interface Outcome permits NeedMore, Complete, Malformed, TooLarge { }

    /** More bytes are needed. */
    record NeedMore() implements Outcome { }

    /** A whole request was read. */
    record Complete(HttpRequest request) implements Outcome { }

    /** The bytes are not an acceptable HTTP request. */
    record Malformed(String reason) implements Outcome { }

    /** The body exceeds the request limit. */
    record TooLarge() implements Outcome { }

    private static final NeedMore NEED_MORE = new NeedMore();
    private static final int MAX_CHUNK_LINE = 1024;

    private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS }

    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    private State state = State.HEAD;
    private String method;
    private String target;
    private int version;
    private List<Map.Entry<String, String>> headers;
    private long fixedRemaining;
    private ByteArrayOutputStream body;
    private long chunkRemaining;
    private int trailerBytes;
    private boolean headJustParsed;

    HttpRequestParser(int maxHeaderBytes, int maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** True when nothing of a next request has been read yet. */
    boolean idle() {
        return state == State.HEAD;
    }

    /**
     * True once after the head of a request with a pending body was parsed and it asked for
     * "Expect: 100-continue".
     */
    boolean takeContinueRequest() {
        boolean wanted = headJustParsed && state != State.HEAD
                && headerOf("Expect").toLowerCase(Locale.ROOT).equals("100-continue");
        headJustParsed = false;
        return wanted;
    }

    /** Consumes what it can of {@code in} (in read mode). */
    Outcome feed(ByteBuffer in) {
        while (true) {
            switch (state) {
                case HEAD -> {
                    Outcome o = readHead(in);
                    if (o != null) {
                        return o;
                    }
                }
                case FIXED_BODY -> {
                    int n = (int) Math.min(in.remaining(), fixedRemaining);
                    byte[] part = new byte[n];
                    in.get(part);
                    body.write(part, 0, n);
                    fixedRemaining -= n;
                    if (fixedRemaining > 0) {
                        return NEED_MORE;
                    }
                    return complete(body.toByteArray());
                }
                case CHUNK_SIZE -> {
                    String line = readLine(in, MAX_CHUNK_LINE);
                    if (line == null) {
                        return in.remaining() >= MAX_CHUNK_LINE ? new Malformed("chunk size line too long") : NEED_MORE;
                    }
                    int semicolon = line.indexOf(';');
                    String size = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
                    if (size.isEmpty() || size.length() > 8 || !size.chars().allMatch(HttpRequestParser::isHex)) {
                        return new Malformed("bad chunk size");
                    }
                    chunkRemaining = Long.parseLong(size, 16);
                    if (body.size() + chunkRemaining > maxBodyBytes) {
                        return new TooLarge();
                    }
                    state = chunkRemaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(in.remaining(), chunkRemaining);
                    byte[] part = new byte[n];
                    in.get(part);
                    body.write(part, 0, n);
                    chunkRemaining -= n;
                    if (chunkRemaining > 0) {
                        return NEED_MORE;
                    }
                    state = State.CHUNK_DATA_END;
                }
                case CHUNK_DATA_END -> {
                    String line = readLine(in, 2);
                    if (line == null) {
                        return in.remaining() >= 2 ? new Malformed("chunk not followed by CRLF") : NEED_MORE;
                    }
                    if (!line.isEmpty()) {
                        return new Malformed("chunk not followed by CRLF");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    String line = readLine(in, maxHeaderBytes);
                    if (line == null) {
                        return in.remaining() >= maxHeaderBytes ? new Malformed("trailer too long") : NEED_MORE;
                    }
                    trailerBytes += line.length() + 2;
                    if (trailerBytes > maxHeaderBytes) {
                        return new Malformed("trailers too long");
                    }
                    if (line.isEmpty()) {
                        return complete(body.toByteArray());
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private Outcome complete(byte[] content) {
        HttpRequest request = new HttpRequest(method, target, version, headers, content);
        state = State.HEAD;
        this.body = null;
        headers = null;
        return new Complete(request);
    }

    /** Returns an outcome to report, or null when the state moved on to a body. */
    private Outcome readHead(ByteBuffer in) {
        while (in.remaining() >= 2 && in.get(in.position()) == '\r' && in.get(in.position() + 1) == '\n') {
            in.position(in.position() + 2);
        }
        int end = indexOfHeadEnd(in);
        if (end < 0) {
            return in.remaining() > maxHeaderBytes ? new Malformed("request head too large") : NEED_MORE;
        }
        int length = end - in.position();
        if (length > maxHeaderBytes) {
            return new Malformed("request head too large");
        }
        byte[] head = new byte[length];
        in.get(head);
        in.position(in.position() + 4);
        Outcome problem = parseHead(new String(head, StandardCharsets.ISO_8859_1));
        if (problem != null) {
            return problem;
        }
        return startBody();
    }

    private static int indexOfHeadEnd(ByteBuffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Outcome parseHead(String head) {
        String[] lines = head.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty()
                || !requestLine[0].chars().allMatch(HttpRequestParser::isTokenChar)) {
            return new Malformed("bad request line");
        }
        switch (requestLine[2]) {
            case "HTTP/1.1" -> version = 11;
            case "HTTP/1.0" -> version = 10;
            default -> {
                return new Malformed("unsupported HTTP version");
            }
        }
        method = requestLine[0];
        target = requestLine[1];
        headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).chars().allMatch(HttpRequestParser::isTokenChar)) {
                return new Malformed("bad header field");
            }
            String value = line.substring(colon + 1).strip();
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                return new Malformed("bad header value");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon), value));
        }
        return null;
    }

    private Outcome startBody() {
        headJustParsed = true;
        String transferEncoding = headerOf("Transfer-Encoding");
        if (!transferEncoding.isEmpty()) {
            String[] codings = transferEncoding.split(",");
            if (!codings[codings.length - 1].trim().equalsIgnoreCase("chunked")) {
                return new Malformed("unsupported transfer encoding");
            }
            body = new ByteArrayOutputStream();
            trailerBytes = 0;
            state = State.CHUNK_SIZE;
            return null;
        }
        long length = 0;
        boolean seen = false;
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                continue;
            }
            String value = h.getValue();
            if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new Malformed("bad Content-Length");
            }
            long parsed = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
            if (seen && parsed != length) {
                return new Malformed("conflicting Content-Length");
            }
            length = parsed;
            seen = true;
        }
        if (length > maxBodyBytes) {
            return new TooLarge();
        }
        if (length == 0) {
            headJustParsed = false;
            return complete(new byte[0]);
        }
        // Grown as bytes arrive, so a client announcing a large body costs only what it sends.
        body = new ByteArrayOutputStream((int) Math.min(length, 64 * 1024));
        fixedRemaining = length;
        state = State.FIXED_BODY;
        return null;
    }

    private String headerOf(String name) {
        if (headers == null) {
            return "";
        }
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return "";
    }

    /** Reads one CRLF-terminated line of at most {@code max} bytes, or returns null without consuming. */
    private static String readLine(ByteBuffer in, int max) {
        int limit = Math.min(in.limit(), in.position() + max + 2);
        for (int i = in.position(); i + 1 < limit; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                byte[] line = new byte[i - in.position()];
                in.get(line);
                in.position(in.position() + 2);
                return new String(line, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
