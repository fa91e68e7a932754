package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.Bool;
import org.stoxum.codec.sbe.ClusterDecoder;
import org.stoxum.codec.sbe.ClusterEncoder;
import org.stoxum.codec.sbe.GetLedgerDecoder;
import org.stoxum.codec.sbe.GetLedgerEncoder;
import org.stoxum.codec.sbe.GetObjectsDecoder;
import org.stoxum.codec.sbe.GetObjectsEncoder;
import org.stoxum.codec.sbe.HaveSetDecoder;
import org.stoxum.codec.sbe.HaveSetEncoder;
import org.stoxum.codec.sbe.LedgerDataDecoder;
import org.stoxum.codec.sbe.LedgerDataEncoder;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.codec.sbe.LedgerType;
import org.stoxum.codec.sbe.ManifestsDecoder;
import org.stoxum.codec.sbe.ManifestsEncoder;
import org.stoxum.codec.sbe.NodeEvent;
import org.stoxum.codec.sbe.NodeStatus;
import org.stoxum.codec.sbe.ObjectType;
import org.stoxum.codec.sbe.ProposeLedgerDecoder;
import org.stoxum.codec.sbe.ProposeLedgerEncoder;
import org.stoxum.codec.sbe.QueryType;
import org.stoxum.codec.sbe.ReplyError;
import org.stoxum.codec.sbe.StatusChangeDecoder;
import org.stoxum.codec.sbe.StatusChangeEncoder;
import org.stoxum.codec.sbe.TransactionDecoder;
import org.stoxum.codec.sbe.TransactionEncoder;
import org.stoxum.codec.sbe.TransactionStatus;
import org.stoxum.codec.sbe.TxSetStatus;
import org.stoxum.codec.sbe.ValidationDecoder;
import org.stoxum.codec.sbe.ValidationEncoder;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** One well-formed example of each message the engine exchanges, and checks of its fields. */
final class SampleMessages {
    /** The types delivered to the engine's handler (pings and gossip stay in the overlay). */
    static final Set<MessageType> DELIVERED = EnumSet.of(MessageType.MANIFESTS, MessageType.CLUSTER,
            MessageType.TRANSACTION, MessageType.GET_LEDGER, MessageType.LEDGER_DATA, MessageType.PROPOSE_LEDGER,
            MessageType.STATUS_CHANGE, MessageType.HAVE_SET, MessageType.VALIDATION, MessageType.GET_OBJECTS);

    static final byte[] HASH_A = filled(32, 0xA1);
    static final byte[] HASH_B = filled(32, 0xB2);
    static final byte[] RAW_TX = filled(180, 0x12);
    static final byte[] VALIDATION = filled(120, 0x55);
    static final byte[] SIGNATURE = filled(71, 0x30);
    static final KeyPair VALIDATOR = KeyPair.random(KeyType.SECP256K1);

    private SampleMessages() {
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (value + i);
        }
        return b;
    }

    static OutboundMessage sample(MessageType type) {
        FrameEncoder f = new FrameEncoder();
        return switch (type) {
            case MANIFESTS -> {
                ManifestsEncoder e = new ManifestsEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                ManifestsEncoder.ListEncoder list = e.history(Bool.FALSE).listCount(2);
                list.next().putStobject(RAW_TX, 0, 40);
                list.next().putStobject(RAW_TX, 40, 60);
                yield f.finish(e.limit());
            }
            case CLUSTER -> {
                ClusterEncoder e = new ClusterEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.clusterNodesCount(1).next().reportTime(777).nodeLoad(256)
                        .publicKey("n9KnownNode").nodeName("alpha").address("10.0.0.1:51235");
                e.loadSourcesCount(1).next().cost(1500).connections(3).name("192.0.2.7");
                yield f.finish(e.limit());
            }
            case TRANSACTION -> {
                TransactionEncoder e = new TransactionEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.status(TransactionStatus.NEW).receiveTimestamp(123456789L).deferred(Bool.TRUE)
                        .putRawTransaction(RAW_TX, 0, RAW_TX.length);
                yield f.finish(e.limit());
            }
            case GET_LEDGER -> {
                GetLedgerEncoder e = new GetLedgerEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.itype(LedgerInfoType.AS_NODE).ltype(LedgerType.CLOSED).putLedgerHash(HASH_A, 0, 32).ledgerSeq(42)
                        .requestCookie(99).queryType(QueryType.INDIRECT).queryDepth(2);
                GetLedgerEncoder.NodeIdsEncoder ids = e.nodeIdsCount(2);
                ids.next().putNodeId(HASH_B, 0, 32);
                ids.next().putNodeId(HASH_A, 0, 32);
                yield f.finish(e.limit());
            }
            case LEDGER_DATA -> {
                LedgerDataEncoder e = new LedgerDataEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.putLedgerHash(HASH_A, 0, 32).ledgerSeq(42).infoType(LedgerInfoType.TX_NODE).requestCookie(7)
                        .replyError(ReplyError.NULL_VAL);
                LedgerDataEncoder.NodesEncoder nodes = e.nodesCount(1);
                nodes.next().putNodeData(RAW_TX, 0, RAW_TX.length).putNodeId(HASH_B, 0, 32);
                yield f.finish(e.limit());
            }
            case PROPOSE_LEDGER -> {
                ProposeLedgerEncoder e = new ProposeLedgerEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.proposeSeq(3).putCurrentTxHash(HASH_A, 0, 32).putNodePubKey(VALIDATOR.publicKey().toBytes(), 0, 33)
                        .closeTime(600_000_000L).putPreviousLedger(HASH_B, 0, 32).checkedSignature(Bool.FALSE).hops(1)
                        .putSignature(SIGNATURE, 0, SIGNATURE.length);
                yield f.finish(e.limit());
            }
            case STATUS_CHANGE -> {
                StatusChangeEncoder e = new StatusChangeEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.newStatus(NodeStatus.VALIDATING).newEvent(NodeEvent.ACCEPTED_LEDGER).ledgerSeq(42)
                        .putLedgerHash(HASH_A, 0, 32).putLedgerHashPrevious(HASH_B, 0, 32).networkTime(600_000_001L)
                        .firstSeq(2).lastSeq(42).shardSeqs("1-3");
                yield f.finish(e.limit());
            }
            case HAVE_SET -> {
                HaveSetEncoder e = new HaveSetEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.status(TxSetStatus.HAVE).putHash(HASH_B, 0, 32);
                yield f.finish(e.limit());
            }
            case VALIDATION -> {
                ValidationEncoder e = new ValidationEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.checkedSignature(Bool.TRUE).hops(0).putValidation(VALIDATION, 0, VALIDATION.length);
                yield f.finish(e.limit());
            }
            case GET_OBJECTS -> {
                GetObjectsEncoder e = new GetObjectsEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
                e.objectType(ObjectType.STATE_NODE).query(Bool.TRUE).seq(5).putLedgerHash(HASH_A, 0, 32).fat(Bool.FALSE);
                GetObjectsEncoder.ObjectsEncoder objects = e.objectsCount(1);
                objects.next().ledgerSeq(41).putHash(HASH_B, 0, 32).putNodeId(HASH_A, 0, 4).putIndex(HASH_A, 0, 0)
                        .putData(RAW_TX, 0, 10);
                yield f.finish(e.limit());
            }
            default -> throw new IllegalArgumentException(type + " is not an engine message");
        };
    }

    /** Checks the fields of a received sample through the decoding views. */
    static void check(InboundMessage m) {
        switch (m.type()) {
            case MANIFESTS -> {
                ManifestsDecoder d = m.manifests();
                assertEquals(Bool.FALSE, d.history());
                ManifestsDecoder.ListDecoder list = d.list();
                assertEquals(2, list.count());
                assertEquals(40, list.next().stobjectLength());
            }
            case CLUSTER -> {
                ClusterDecoder d = m.cluster();
                ClusterDecoder.ClusterNodesDecoder nodes = d.clusterNodes().next();
                assertEquals(777, nodes.reportTime());
                assertEquals(256, nodes.nodeLoad());
                assertEquals("n9KnownNode", nodes.publicKey());
                assertEquals("alpha", nodes.nodeName());
                assertEquals("10.0.0.1:51235", nodes.address());
                ClusterDecoder.LoadSourcesDecoder sources = d.loadSources().next();
                assertEquals(1500, sources.cost());
                assertEquals(3, sources.connections());
                assertEquals("192.0.2.7", sources.name());
            }
            case TRANSACTION -> {
                TransactionDecoder d = m.transaction();
                assertEquals(TransactionStatus.NEW, d.status());
                assertEquals(123456789L, d.receiveTimestamp());
                assertEquals(Bool.TRUE, d.deferred());
                byte[] raw = new byte[d.rawTransactionLength()];
                d.getRawTransaction(raw, 0, raw.length);
                assertArrayEquals(RAW_TX, raw);
            }
            case GET_LEDGER -> {
                GetLedgerDecoder d = m.getLedger();
                assertEquals(LedgerInfoType.AS_NODE, d.itype());
                assertEquals(LedgerType.CLOSED, d.ltype());
                assertArrayEquals(HASH_A, fixed(d::getLedgerHash));
                assertEquals(42, d.ledgerSeq());
                assertEquals(99, d.requestCookie());
                assertEquals(QueryType.INDIRECT, d.queryType());
                assertEquals(2, d.queryDepth());
                assertEquals(2, d.nodeIds().count());
            }
            case LEDGER_DATA -> {
                LedgerDataDecoder d = m.ledgerData();
                assertEquals(42, d.ledgerSeq());
                assertEquals(LedgerInfoType.TX_NODE, d.infoType());
                assertEquals(7, d.requestCookie());
                assertEquals(ReplyError.NULL_VAL, d.replyError());
                LedgerDataDecoder.NodesDecoder node = d.nodes().next();
                assertEquals(RAW_TX.length, node.nodeDataLength());
            }
            case PROPOSE_LEDGER -> {
                ProposeLedgerDecoder d = m.proposeLedger();
                assertEquals(3, d.proposeSeq());
                assertArrayEquals(HASH_A, fixed(d::getCurrentTxHash));
                assertEquals(600_000_000L, d.closeTime());
                assertEquals(1, d.hops());
                assertEquals(SIGNATURE.length, d.signatureLength());
            }
            case STATUS_CHANGE -> {
                StatusChangeDecoder d = m.statusChange();
                assertEquals(NodeStatus.VALIDATING, d.newStatus());
                assertEquals(NodeEvent.ACCEPTED_LEDGER, d.newEvent());
                assertEquals(42, d.ledgerSeq());
                assertArrayEquals(HASH_A, fixed(d::getLedgerHash));
                assertEquals(600_000_001L, d.networkTime());
                assertEquals(2, d.firstSeq());
                assertEquals(42, d.lastSeq());
                assertEquals("1-3", d.shardSeqs());
            }
            case HAVE_SET -> {
                HaveSetDecoder d = m.haveSet();
                assertEquals(TxSetStatus.HAVE, d.status());
                assertArrayEquals(HASH_B, fixed(d::getHash));
            }
            case VALIDATION -> {
                ValidationDecoder d = m.validation();
                assertEquals(Bool.TRUE, d.checkedSignature());
                assertEquals(0, d.hops());
                byte[] raw = new byte[d.validationLength()];
                d.getValidation(raw, 0, raw.length);
                assertArrayEquals(VALIDATION, raw);
            }
            case GET_OBJECTS -> {
                GetObjectsDecoder d = m.getObjects();
                assertEquals(ObjectType.STATE_NODE, d.objectType());
                assertEquals(Bool.TRUE, d.query());
                assertEquals(5, d.seq());
                GetObjectsDecoder.ObjectsDecoder o = d.objects().next();
                assertEquals(41, o.ledgerSeq());
                assertEquals(32, o.hashLength());
            }
            default -> throw new AssertionError("unexpected " + m.type());
        }
    }

    interface FixedGetter {
        int get(byte[] dst, int offset, int length);
    }

    static byte[] fixed(FixedGetter getter) {
        byte[] out = new byte[32];
        getter.get(out, 0, out.length);
        return out;
    }
}
