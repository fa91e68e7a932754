package org.stoxum.engine.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.Bool;
import org.stoxum.codec.sbe.HaveSetEncoder;
import org.stoxum.codec.sbe.ManifestsDecoder;
import org.stoxum.codec.sbe.ManifestsEncoder;
import org.stoxum.codec.sbe.NodeEvent;
import org.stoxum.codec.sbe.NodeStatus;
import org.stoxum.codec.sbe.ProposeLedgerDecoder;
import org.stoxum.codec.sbe.ProposeLedgerEncoder;
import org.stoxum.codec.sbe.StatusChangeEncoder;
import org.stoxum.codec.sbe.TransactionDecoder;
import org.stoxum.codec.sbe.TransactionEncoder;
import org.stoxum.codec.sbe.TransactionStatus;
import org.stoxum.codec.sbe.TxSetStatus;
import org.stoxum.codec.sbe.ValidationDecoder;
import org.stoxum.codec.sbe.ValidationEncoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.ConsensusProposal;
import org.stoxum.engine.consensus.SignedProposal;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * The consensus-side peer messages, written and read: transactions, proposals, validations, manifests, status
 * changes and set announcements. Writing is serialized on this object (one reusable frame buffer); reading works
 * on the overlay's flyweights and copies out what must outlive the call.
 */
public final class PeerMessages {
    private final FrameEncoder frames = new FrameEncoder();
    private final TransactionEncoder transaction = new TransactionEncoder();
    private final ProposeLedgerEncoder propose = new ProposeLedgerEncoder();
    private final ValidationEncoder validation = new ValidationEncoder();
    private final ManifestsEncoder manifests = new ManifestsEncoder();
    private final StatusChangeEncoder status = new StatusChangeEncoder();
    private final HaveSetEncoder haveSet = new HaveSetEncoder();

    /** A signed transaction to relay; {@code deferred} when we only held it (terQUEUED). */
    public synchronized OutboundMessage transaction(byte[] raw, long receivedNetworkTime, boolean deferred) {
        transaction.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())
                .status(TransactionStatus.NEW).receiveTimestamp(receivedNetworkTime)
                .deferred(deferred ? Bool.TRUE : Bool.FALSE)
                .putRawTransaction(raw, 0, raw.length);
        return frames.finish(transaction.limit());
    }

    /** A signed proposal, ours or relayed. */
    public synchronized OutboundMessage proposal(SignedProposal<PublicKey> p) {
        ConsensusProposal<PublicKey> c = p.proposal();
        byte[] sig = p.signature();
        propose.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())
                .proposeSeq(c.proposeSeq())
                .putCurrentTxHash(c.position().toBytes(), 0, Hash256.LENGTH)
                .putNodePubKey(p.publicKey().toBytes(), 0, 33)
                .closeTime(c.closeTime())
                .putPreviousLedger(c.prevLedger().toBytes(), 0, Hash256.LENGTH)
                .checkedSignature(Bool.FALSE)
                .hops(0)
                .putSignature(sig, 0, sig.length);
        return frames.finish(propose.limit());
    }

    /** A serialized, signed validation. */
    public synchronized OutboundMessage validation(byte[] serialized) {
        validation.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())
                .checkedSignature(Bool.FALSE).hops(0).putValidation(serialized, 0, serialized.length);
        return frames.finish(validation.limit());
    }

    /** Serialized manifests. */
    public synchronized OutboundMessage manifests(List<byte[]> serialized) {
        ManifestsEncoder.ListEncoder list = manifests.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES,
                frames.header()).history(Bool.FALSE).listCount(serialized.size());
        for (byte[] m : serialized) {
            list.next().putStobject(m, 0, m.length);
        }
        return frames.finish(manifests.limit());
    }

    /** Our ledger and what we serve (TMStatusChange). */
    public synchronized OutboundMessage statusChange(NodeEvent event, Ledger closed, long networkTime,
                                                     long firstSeq, long lastSeq) {
        status.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())
                .newStatus(NodeStatus.MONITORING).newEvent(event).ledgerSeq(closed.seq())
                .putLedgerHash(closed.hash().toBytes(), 0, Hash256.LENGTH)
                .putLedgerHashPrevious(closed.parentHash().toBytes(), 0, Hash256.LENGTH)
                .networkTime(networkTime).firstSeq(firstSeq).lastSeq(lastSeq)
                .putShardSeqs(new byte[0], 0, 0);
        return frames.finish(status.limit());
    }

    /** Announces a transaction set we hold. */
    public synchronized OutboundMessage haveSet(Hash256 set) {
        haveSet.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header())
                .status(TxSetStatus.HAVE).putHash(set.toBytes(), 0, Hash256.LENGTH);
        return frames.finish(haveSet.limit());
    }

    // ------------------------------------------------------------------ reading

    /** The raw transaction of a TRANSACTION message. */
    public static byte[] rawTransaction(TransactionDecoder d) {
        byte[] raw = new byte[d.rawTransactionLength()];
        d.getRawTransaction(raw, 0, raw.length);
        return raw;
    }

    /** The serialized validation of a VALIDATION message. */
    public static byte[] validationBytes(ValidationDecoder d) {
        d.sbeRewind();
        byte[] raw = new byte[d.validationLength()];
        d.getValidation(raw, 0, raw.length);
        return raw;
    }

    /** The serialized manifests of a MANIFESTS message. */
    public static List<byte[]> manifestList(ManifestsDecoder d) {
        List<byte[]> out = new ArrayList<>();
        for (ManifestsDecoder.ListDecoder item : d.list()) {
            byte[] m = new byte[item.stobjectLength()];
            item.getStobject(m, 0, m.length);
            out.add(m);
        }
        return out;
    }

    /**
     * The proposal of a PROPOSE_LEDGER message, stamped as seen at {@code now} (network time, seconds), or
     * empty when its signer key is not a valid public key.
     */
    public static Optional<SignedProposal<PublicKey>> proposal(ProposeLedgerDecoder d, long now) {
        byte[] txSet = new byte[Hash256.LENGTH];
        byte[] key = new byte[33];
        byte[] prev = new byte[Hash256.LENGTH];
        long seq = d.proposeSeq();
        d.getCurrentTxHash(txSet, 0, txSet.length);
        d.getNodePubKey(key, 0, key.length);
        long closeTime = d.closeTime();
        d.getPreviousLedger(prev, 0, prev.length);
        byte[] sig = new byte[d.signatureLength()];
        d.getSignature(sig, 0, sig.length);
        Optional<PublicKey> pk = PublicKey.parse(key);
        return pk.map(k -> new SignedProposal<>(k, sig, new ConsensusProposal<>(Hash256.wrap(prev), seq,
                Hash256.wrap(txSet), closeTime, now, k)));
    }
}
