package org.stoxum.engine.consensus;

/**
 * How this node takes part in a round. A round starts {@link #PROPOSING} or {@link #OBSERVING}; finding
 * itself on the wrong previous ledger moves it to {@link #WRONG_LEDGER}, and once it holds the right one, to
 * {@link #SWITCHED_LEDGER} (which behaves as observing for the rest of the round).
 */
public enum ConsensusMode {
    /** Taking part and sending our positions to peers. */
    PROPOSING("proposing"),
    /** Following peers' positions without sending our own. */
    OBSERVING("observing"),
    /** Our previous ledger is not the network's; we are acquiring the right one. */
    WRONG_LEDGER("wrongLedger"),
    /** We switched to the network's previous ledger during this round. */
    SWITCHED_LEDGER("switchedLedger");

    private final String text;

    ConsensusMode(String text) {
        this.text = text;
    }

    /** The name stoxumd prints (consensus_info, logs). */
    public String text() {
        return text;
    }
}
