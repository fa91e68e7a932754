package org.stoxum.engine.app;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * stoxumd's log partitions and the loggers of ours that do each one's work.
 *
 * <p>Operators name partitions as stoxumd's {@code log_level} lists them ("LedgerMaster", "Peer", ...), but
 * our loggers are named by class. This table joins the two: setting a partition's threshold sets it on the
 * classes and packages listed here (and on a logger named like the partition, for anything that uses the
 * name itself), and a log line names the partition its logger belongs to. A partition with no loggers of
 * ours is still a partition: stoxumd lists it, so we do too.
 *
 * <p>The partitions are the ones a stoxumd server opens (its {@code journal("...")} names, without the
 * client's HTTPClient and RPCParser and the unsupported ShardStore).
 */
public final class LogPartitions {
    private static final String ENGINE = "org.stoxum.engine.";
    private static final String STORAGE = "org.stoxum.storage.";
    private static final String TRANSPORT = "org.stoxum.transport.";

    /** Partition name to logger names (a class, or a package standing for every class below it). */
    private static final Map<String, List<String>> LOGGERS = table();

    private LogPartitions() {
    }

    private static Map<String, List<String>> table() {
        Map<String, List<String>> t = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        t.put("Amendments", List.of(ENGINE + "net.vote.AmendmentVote", ENGINE + "ledger.Amendments"));
        t.put("Application", List.of(ENGINE + "app.Application", ENGINE + "app.NodeKeys",
                ENGINE + "config"));
        t.put("Collector", List.of(ENGINE + "metrics"));
        t.put("FeeVote", List.of(ENGINE + "net.vote.FeeVote"));
        t.put("Flow", List.of(ENGINE + "tx.paths", ENGINE + "tx.offers"));
        t.put("InboundLedger", List.of(ENGINE + "net.fetch"));
        t.put("JobQueue", List.of(ENGINE + "pipeline"));
        t.put("Ledger", List.of(ENGINE + "ledger"));
        t.put("LedgerCleaner", List.of());
        t.put("LedgerConsensus", List.of(ENGINE + "consensus", ENGINE + "net.InboundProposal"));
        t.put("LedgerHistory", List.of(ENGINE + "ledger.LedgerHistory"));
        t.put("LedgerMaster", List.of(ENGINE + "app.LedgerMaster"));
        t.put("LoadManager", List.of(ENGINE + "app.LoadFeeTrack"));
        t.put("LoadMonitor", List.of());
        t.put("ManifestCache", List.of(ENGINE + "validator.ManifestCache"));
        t.put("NetworkOPs", List.of(ENGINE + "net.NetworkOps", ENGINE + "app.StreamPublisher",
                ENGINE + "app.TxIntake"));
        t.put("NodeObject", List.of(STORAGE + "nodestore"));
        t.put("OpenLedger", List.of(ENGINE + "tx.OpenLedger"));
        t.put("OrderBookDB", List.of());
        t.put("Overlay", List.of(TRANSPORT + "peer"));
        t.put("PathRequest", List.of());
        t.put("Pathfinder", List.of());
        t.put("Peer", List.of(TRANSPORT + "peer.PeerConnection", ENGINE + "net.PeerMessages",
                ENGINE + "net.fetch.LedgerRequests"));
        t.put("PeerFinder", List.of(TRANSPORT + "peer.finder"));
        t.put("Protocol", List.of(TRANSPORT + "peer.wire"));
        t.put("RPC", List.of(ENGINE + "rpc.server.Dispatch", ENGINE + "app.ApiDispatcher"));
        t.put("RPCHandler", List.of(ENGINE + "rpc.handlers"));
        t.put("RPCSub", List.of());
        t.put("Resolver", List.of());
        t.put("Resource", List.of(ENGINE + "rpc.server.resource", TRANSPORT + "peer.resource"));
        t.put("RippleCalc", List.of(ENGINE + "tx.paths.RippleCalc"));
        t.put("SHAMap", List.of(STORAGE + "shamap"));
        t.put("SHAMapNodeID", List.of());
        t.put("SHAMapStore", List.of(STORAGE + "nodestore.OnlineDelete"));
        t.put("Server", List.of(ENGINE + "rpc.server"));
        t.put("TaggedCache", List.of());
        t.put("TimeKeeper", List.of(TRANSPORT + "peer.NetworkClock"));
        t.put("TransactionAcquire", List.of(ENGINE + "net.fetch.InboundTxSets",
                ENGINE + "net.fetch.TxSetAcquisition"));
        t.put("TxMeta", List.of(ENGINE + "ledger.TxMeta"));
        t.put("TxQ", List.of(ENGINE + "tx.queue"));
        t.put("Validations", List.of(ENGINE + "consensus.Validations", ENGINE + "net.InboundValidation"));
        t.put("ValidatorList", List.of(ENGINE + "net.TrustedValidators"));
        t.put("ValidatorSite", List.of());
        t.put("View", List.of(ENGINE + "tx"));
        t.put("WALCheckpointer", List.of());
        return Collections.unmodifiableMap(t);
    }

    /** Every partition, spelled as stoxumd spells it, in the order stoxumd lists them. */
    public static List<String> names() {
        return LOGGERS.keySet().stream().sorted().toList();
    }

    /** The loggers that make up the partition {@code name} (any case); none for a name stoxumd lacks. */
    public static List<String> loggers(String name) {
        return LOGGERS.getOrDefault(name, List.of());
    }

    /**
     * The partition a logger's lines belong to: the one listing it, or the nearest package above it.
     * Empty for a logger outside every partition.
     */
    public static Optional<String> partitionOf(String loggerName) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, List<String>> e : LOGGERS.entrySet()) {
            if (e.getKey().equals(loggerName)) {
                return Optional.of(e.getKey());
            }
            for (String l : e.getValue()) {
                boolean covers = loggerName.equals(l) || loggerName.startsWith(l + ".")
                        || loggerName.startsWith(l + "$");
                if (covers && l.length() > bestLength) {
                    best = e.getKey();
                    bestLength = l.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
