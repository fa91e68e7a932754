package org.stoxum.cli.client;

/** Nothing listens at the address (connection refused or unreachable). */
public final class NoServerAnsweredException extends RpcClientException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    public NoServerAnsweredException(String host, int port, Throwable cause) {
        super("no server answered at " + host + ":" + port, cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
