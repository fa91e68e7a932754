package org.stoxum.storage.nodestore;

/**
 * The node store cannot do what was asked: the database is not ours, is from another network or schema,
 * is damaged, is full, or a caller broke a precondition. The message says which and where.
 */
public final class NodeStoreException extends RuntimeException {
    public NodeStoreException(String message) {
        super(message);
    }

    public NodeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
