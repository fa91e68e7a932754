package org.stoxum.cli.client;

/**
 * The server refused the request at the transport level (HTTP status other than 200), e.g. 400
 * "Null method", 403 "Forbidden", 503 "Server is overloaded".
 */
public final class RpcTransportException extends RpcClientException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public RpcTransportException(int status, String body) {
        super("server answered HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The answer's text, without its trailing line break. */
    public String body() {
        return body;
    }
}
