package org.stoxum.engine.rpc.handlers;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.app.LedgerMaster;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.storage.nodestore.NodeStoreSettings;

/** What account_tx reads of the ledger master before anything else: the validated range. */
class TransactionCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aNodeWithoutAValidatedLedgerHasNoValidatedRange() {
        try (NodeStore store = NodeStore.open(new NodeStoreSettings(dir.resolve("db"), 1L << 30, 0, false, 64),
                NetworkProfile.STOXUM)) {
            assertNull(TransactionCommands.validatedRange(new LedgerMaster(store)),
                    "account_tx then answers lgrIdxsInvalid, as stoxumd does without a published ledger");
        }
    }
}
