package org.stoxum.cli.commandline;

/** How the server obtains its first ledger (stoxumd's START_UP). */
public enum StartUp {
    /** No option: a genesis ledger without amendments, then sync from the network. */
    NORMAL,
    /** {@code --start}: a genesis ledger with every supported amendment enabled. */
    FRESH,
    /** {@code --load} or {@code --ledger}: a ledger from the local databases. */
    LOAD,
    /** {@code --ledgerfile}: a ledger from a JSON dump. */
    LOAD_FILE,
    /** {@code --ledger} with {@code --replay}: rebuild the named ledger from its parent. */
    REPLAY,
    /** {@code --net}: a genesis ledger, then wait for the network's ledger. */
    NETWORK
}
