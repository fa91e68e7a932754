package org.stoxum.perf.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.stoxum.engine.ledger.Ledger;

/**
 * The close benchmark's steps, timed apart, must do exactly the work of the engine's own close, or the
 * per-step figures would not add up to a close.
 */
class ClosingChainTest {
    @Test
    void stepsBuildTheLedgersLedgerBuilderBuildsAndTheStoreKeepsThem() throws Exception {
        try (ClosingChain whole = new ClosingChain(3_000, 40, 5); ClosingChain steps = new ClosingChain(3_000, 40, 5)) {
            assertEquals(whole.parent().hash(), steps.parent().hash());
            for (int round = 0; round < 3; round++) {
                whole.prepare();
                steps.prepare();
                Ledger a = whole.closeAndEnqueue();
                steps.apply();
                steps.rehash();
                Ledger b = round == 1 ? steps.enqueue() : steps.persist();
                assertEquals(a.hash(), b.hash(), "round " + round);
                assertEquals(40, countTransactions(b));
                assertNotNull(steps.store().ledger(b.seq()));
                assertEquals(b.header().accountHash(), steps.store().stateMap(steps.store().ledger(b.seq())).hash());
            }
            whole.flush();
            assertEquals(whole.parent().header(), whole.store().lastDurableLedger());
        }
    }

    private static int countTransactions(Ledger l) {
        int n = 0;
        for (var it = l.transactions(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Test
    void heapBuilderKeysAccountsAsTheEngineDoes() {
        AccountsLedger l = AccountsLedger.build(50, 2, 3);
        for (var id : l.accounts()) {
            assertEquals(org.stoxum.engine.ledger.Keylets.account(id).key(), AccountsLedger.accountKey(id));
            assertNotNull(l.ledger().stateMap().get(AccountsLedger.accountKey(id)));
        }
    }
}
