package org.stoxum.codec.hash;

/**
 * The four-byte domain separators put in front of everything the protocol hashes or signs, so that a
 * hash of one kind of object can never be passed off as a hash of another.
 */
public enum HashPrefix {
    /** Transaction ID; also the leaf hash of a transaction without metadata. */
    TRANSACTION_ID('T', 'X', 'N'),
    /** Leaf of a closed ledger's transaction tree (transaction plus metadata). */
    TX_NODE('S', 'N', 'D'),
    /** Leaf of the account-state tree. */
    LEAF_NODE('M', 'L', 'N'),
    /** SHAMap inner node. */
    INNER_NODE('M', 'I', 'N'),
    /** SHAMap v2 inner node (never enabled in stoxumd). */
    INNER_NODE_V2('I', 'N', 'R'),
    /** Ledger header. */
    LEDGER_MASTER('L', 'W', 'R'),
    /** Single-signature transaction signing data. */
    TX_SIGN('S', 'T', 'X'),
    /** Multi-signature transaction signing data. */
    TX_MULTI_SIGN('S', 'M', 'T'),
    /** Validation signing data. */
    VALIDATION('V', 'A', 'L'),
    /** Consensus proposal signing data. */
    PROPOSAL('P', 'R', 'P'),
    /** Validator manifest. */
    MANIFEST('M', 'A', 'N'),
    /** Payment channel claim authorization. */
    PAYMENT_CHANNEL_CLAIM('C', 'L', 'M');

    private final int value;
    private final byte[] bytes;

    HashPrefix(char a, char b, char c) {
        this.value = (a << 24) | (b << 16) | (c << 8);
        this.bytes = new byte[] {(byte) a, (byte) b, (byte) c, 0};
    }

    /** The prefix as the big-endian u32 rippled hashes. */
    public int value() {
        return value;
    }

    /** A fresh copy of the four prefix bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the four bytes into {@code out} at {@code offset}. */
    public void writeTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, 4);
    }
}
