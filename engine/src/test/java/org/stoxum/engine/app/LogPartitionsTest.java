package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.net.NetworkOps;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.engine.tx.Payment;
import org.stoxum.engine.tx.queue.TxQ;
import org.stoxum.storage.nodestore.NodeStore;
import org.stoxum.transport.peer.PeerOverlay;

class LogPartitionsTest {
    /** The partitions a stoxumd server opens (its journal names), read from its source. */
    private static final List<String> STOXUMD = List.of("Amendments", "Application", "Collector", "FeeVote",
            "Flow", "InboundLedger", "JobQueue", "Ledger", "LedgerCleaner", "LedgerConsensus", "LedgerHistory",
            "LedgerMaster", "LoadManager", "LoadMonitor", "ManifestCache", "NetworkOPs", "NodeObject",
            "OpenLedger", "OrderBookDB", "Overlay", "PathRequest", "Pathfinder", "Peer", "PeerFinder",
            "Protocol", "RPC", "RPCHandler", "RPCSub", "Resolver", "Resource", "RippleCalc", "SHAMap",
            "SHAMapNodeID", "SHAMapStore", "Server", "TaggedCache", "TimeKeeper", "TransactionAcquire",
            "TxMeta", "TxQ", "Validations", "ValidatorList", "ValidatorSite", "View", "WALCheckpointer");

    @Test
    void thePartitionsAreStoxumdsInItsOrder() {
        assertEquals(STOXUMD, LogPartitions.names());
    }

    @Test
    void everyListedLoggerIsAClassOrPackageOfOurs() {
        List<String> missing = new ArrayList<>();
        ClassLoader loader = getClass().getClassLoader();
        for (String partition : LogPartitions.names()) {
            for (String logger : LogPartitions.loggers(partition)) {
                boolean isClass = loader.getResource(logger.replace('.', '/') + ".class") != null;
                boolean isPackage = loader.getResource(logger.replace('.', '/')) != null;
                if (!isClass && !isPackage) {
                    missing.add(partition + " -> " + logger);
                }
            }
        }
        assertTrue(missing.isEmpty(), "renamed or gone: " + missing);
    }

    @Test
    void aLoggerBelongsToTheNearestPartitionListingIt() {
        assertEquals(Optional.of("LedgerMaster"), LogPartitions.partitionOf(LedgerMaster.class.getName()));
        assertEquals(Optional.of("NetworkOPs"), LogPartitions.partitionOf(NetworkOps.class.getName()));
        assertEquals(Optional.of("TxQ"), LogPartitions.partitionOf(TxQ.class.getName()));
        assertEquals(Optional.of("OpenLedger"), LogPartitions.partitionOf(OpenLedger.class.getName()));
        assertEquals(Optional.of("View"), LogPartitions.partitionOf(Payment.class.getName()));
        assertEquals(Optional.of("NodeObject"), LogPartitions.partitionOf(NodeStore.class.getName()));
        assertEquals(Optional.of("Peer"), LogPartitions.partitionOf("org.stoxum.transport.peer.PeerConnection"));
        assertEquals(Optional.of("Overlay"), LogPartitions.partitionOf(PeerOverlay.class.getName()));
        assertEquals(Optional.of("LedgerMaster"),
                LogPartitions.partitionOf(LedgerMaster.class.getName() + "$Inner"));
        assertEquals(Optional.of("Peer"), LogPartitions.partitionOf("Peer"), "a logger named like a partition");
        assertEquals(Optional.empty(), LogPartitions.partitionOf("com.example.Elsewhere"));
        assertEquals(Optional.empty(), LogPartitions.partitionOf(LedgerMaster.class.getName() + "Extra"));
    }

    @Test
    void loggersAreFoundInAnyCaseAndNoneForUnknownNames() {
        assertEquals(LogPartitions.loggers("TxQ"), LogPartitions.loggers("txq"));
        assertEquals(List.of(), LogPartitions.loggers("NoSuchPartition"));
    }
}
