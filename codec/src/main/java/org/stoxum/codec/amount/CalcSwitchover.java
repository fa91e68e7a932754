package org.stoxum.codec.amount;

/**
 * Which of rippled's two close-time rounding fixes ({@code stAmountCalcSwitchover} and
 * {@code stAmountCalcSwitchover2}) are in force for {@link AmountMath#mulRound} and
 * {@link AmountMath#divRound}.
 *
 * <p>They are not amendments: rippled turns them on when the parent ledger closed after a fixed time
 * ({@code STAmountSO}, set for each transaction applied), and leaves both on everywhere else. Because a
 * fresh ledger chain starts at close time 0, transactions in the first ledgers after genesis run with
 * both fixes off, so callers must say which state applies.
 */
public enum CalcSwitchover {
    /** Neither fix: rounding up may give zero. */
    NONE,
    /** Rounding up never gives zero; a native result that would be zero is still zero. */
    FIRST,
    /** Both fixes: rounding up a native result that would be zero gives one drop. */
    BOTH;

    /** Network-clock seconds after which the first fix applies (Dec 28, 2015 10:00 PST). */
    public static final long FIRST_TIME = 504_640_800L;
    /** Network-clock seconds after which the second fix applies (Feb 26, 2016 21:00 PST). */
    public static final long SECOND_TIME = 509_864_400L;

    /**
     * The state rippled's {@code STAmountSO} sets for a parent ledger close time.
     *
     * @param closeTime seconds since the network epoch (2000-01-01), unsigned 32-bit
     */
    public static CalcSwitchover forCloseTime(long closeTime) {
        if (closeTime > SECOND_TIME) {
            return BOTH;
        }
        return closeTime > FIRST_TIME ? FIRST : NONE;
    }

    boolean first() {
        return this != NONE;
    }

    boolean second() {
        return this == BOTH;
    }
}
