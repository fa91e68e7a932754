package org.stoxum.engine.consensus;

/** What became of a received validation. */
public enum ValStatus {
    /** New and stored. */
    CURRENT("current"),
    /** We already hold this validator's validation for this ledger. */
    REPEAT_ID("repeatID"),
    /** Not current, or older than what we hold from this validator. */
    STALE("stale"),
    /** Not above this validator's highest unexpired sequence. */
    BAD_SEQ("badSeq");

    private final String text;

    ValStatus(String text) {
        this.text = text;
    }

    /** The name stoxumd logs. */
    public String text() {
        return text;
    }
}
