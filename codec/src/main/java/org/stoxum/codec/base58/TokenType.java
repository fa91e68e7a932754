package org.stoxum.codec.base58;

/**
 * The version bytes that open each base58check token and say what its payload is; a token parsed as
 * the wrong type is rejected, so a node key can never be mistaken for an account key.
 */
public enum TokenType {
    ACCOUNT_ID(0x00, 20),
    NODE_PUBLIC(0x1C, 33),
    NODE_PRIVATE(0x20, 32),
    FAMILY_SEED(0x21, 16),
    ACCOUNT_SECRET(0x22, 32),
    ACCOUNT_PUBLIC(0x23, 33),
    FAMILY_GENERATOR(0x29, 33);

    private final int version;
    private final int payloadLength;

    TokenType(int version, int payloadLength) {
        this.version = version;
        this.payloadLength = payloadLength;
    }

    /** The single version byte. */
    public int version() {
        return version;
    }

    /** The exact payload size in bytes. */
    public int payloadLength() {
        return payloadLength;
    }
}
