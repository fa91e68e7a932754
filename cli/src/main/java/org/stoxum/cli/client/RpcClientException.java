package org.stoxum.cli.client;

/** A JSON-RPC call that produced no usable answer. */
public class RpcClientException extends Exception {

    private static final long serialVersionUID = 1L;

    public RpcClientException(String message) {
        super(message);
    }

    public RpcClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
