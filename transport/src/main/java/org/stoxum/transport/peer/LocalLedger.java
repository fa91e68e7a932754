package org.stoxum.transport.peer;

import java.util.Optional;
import java.util.OptionalLong;
import org.stoxum.codec.types.Hash256;

/**
 * What the overlay needs to know of our ledgers: the last closed ledger for the hello, and the
 * validated index against which peers' reported ledgers are judged sane. Called on the I/O thread:
 * answers must be cheap and non-blocking (read a volatile snapshot).
 */
public interface LocalLedger {
    /** A node with no ledger yet: peers are never judged sane, so their gossip is ignored. */
    LocalLedger NONE = new LocalLedger() {
    };

    /** Index of our last closed ledger, if any. */
    default OptionalLong closedLedgerIndex() {
        return OptionalLong.empty();
    }

    /** Hash of our last closed ledger, if any. */
    default Optional<Hash256> closedLedgerHash() {
        return Optional.empty();
    }

    /** Hash of its parent, if any. */
    default Optional<Hash256> previousLedgerHash() {
        return Optional.empty();
    }

    /**
     * Index of our validated ledger when it is recent (stoxumd: less than two minutes old), else 0; peers'
     * reported ledgers are compared with it only when it is not 0.
     */
    default long recentValidatedLedgerIndex() {
        return 0;
    }
}
