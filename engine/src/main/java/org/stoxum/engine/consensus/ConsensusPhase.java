package org.stoxum.engine.consensus;

/**
 * Where a round is: {@link #OPEN} collects transactions, {@link #ESTABLISH} exchanges positions, and
 * {@link #ACCEPTED} waits for the application to build the ledger and start the next round. A wrong previous
 * ledger found during establish sends the round back to open.
 */
public enum ConsensusPhase {
    /** The ledger is open; we have not closed it yet (others may have). */
    OPEN("open"),
    /** Closed; agreeing with peers on the transaction set and close time. */
    ESTABLISH("establish"),
    /** Consensus reached; nothing changes until the next startRound. */
    ACCEPTED("accepted");

    private final String text;

    ConsensusPhase(String text) {
        this.text = text;
    }

    /** The name stoxumd prints. */
    public String text() {
        return text;
    }
}
