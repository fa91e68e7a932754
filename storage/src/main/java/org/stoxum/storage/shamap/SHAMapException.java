package org.stoxum.storage.shamap;

/**
 * Bytes that do not form a valid tree node, or a node whose content does not match the hash it was
 * asked for. Peers and disks can both produce these; the caller decides whether to charge a peer or
 * to report a corrupt store.
 */
public class SHAMapException extends RuntimeException {
    public SHAMapException(String message) {
        super(message);
    }
}
