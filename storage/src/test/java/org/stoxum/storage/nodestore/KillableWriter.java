package org.stoxum.storage.nodestore;

import java.nio.file.Path;
import org.stoxum.codec.NetworkProfile;

/**
 * Test program for {@link KillNineTest}: stores random ledgers into a node store, running online delete
 * beside it, until it is killed. Prints {@code stored <seq> <hash>} after each ledger's commit returns.
 *
 * <p>Arguments: store directory, random seed, online_delete.
 */
public final class KillableWriter {
    private KillableWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        long keep = Long.parseLong(args[2]);
        NodeStore store = NodeStore.open(new NodeStoreSettings(dir, 1L << 30, keep, false, 1024), NetworkProfile.STOXUM);
        store.onlineDelete().batch(200);
        Thread deleter = new Thread(() -> {
            try {
                while (true) {
                    if (store.onlineDelete().doWork() == 0) {
                        Thread.sleep(1);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "online-delete");
        deleter.setDaemon(true);
        deleter.start();
        LedgerChain chain = LedgerChain.resume(store, seed).stableAt(2000);
        System.out.println("ready " + (chain.last() == null ? 0 : chain.last().seq()));
        System.out.flush();
        while (true) {
            LedgerChain.Ledger l = chain.next(400, 5);
            l.storeIn(store);
            store.onValidated(l.header().seq());
            System.out.println("stored " + l.header().seq() + " " + l.header().hash());
            System.out.flush();
        }
    }
}
