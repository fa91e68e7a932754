package org.stoxum.engine.app;

import java.nio.file.Path;

/** Where the node's first ledger comes from (stoxumd's START_UP, resolved from the command line). */
public sealed interface LedgerStart {
    /**
     * A new genesis ledger ({@code --start}, or no option).
     *
     * @param withAmendments every supported amendment enabled in ledger 1 ({@code --start})
     */
    record Genesis(boolean withAmendments) implements LedgerStart {
    }

    /**
     * A ledger from the node store ({@code --load}, {@code --ledger}).
     *
     * @param which {@code latest}, a sequence number or a ledger hash
     */
    record Load(String which) implements LedgerStart {
    }

    /** A ledger from a JSON dump ({@code --ledgerfile}). */
    record LoadFile(Path file) implements LedgerStart {
    }
}
