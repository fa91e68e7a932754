package org.stoxum.engine.net;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.engine.consensus.SignedProposal;
import org.stoxum.engine.pipeline.PeerSignedMessage;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * A peer's proposal that passed stoxumd's receive-time checks (PeerImp::onMessage(TMProposeSet): age, key,
 * signature size, duplicates, trust under load) and waits in the pipeline for its signature check
 * (PeerImp::checkPropose). A bad signature costs the peer {@link Charge#INVALID_SIGNATURE}; a good one goes
 * to {@code onChecked}, which queues it for the consensus thread.
 */
final class InboundProposal implements PeerSignedMessage {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProposal.class);

    private final Peer peer;
    private final SignedProposal<PublicKey> proposal;
    private final boolean trusted;
    private final Consumer<InboundProposal> onChecked;

    /**
     * @param trusted   the signer was a trusted validator when the proposal arrived (stoxumd decides the job
     *                  type, trusted or not, at receipt)
     * @param onChecked what takes a well-signed proposal; called on the pipeline's writer thread, must not block
     */
    InboundProposal(Peer peer, SignedProposal<PublicKey> proposal, boolean trusted,
                    Consumer<InboundProposal> onChecked) {
        this.peer = peer;
        this.proposal = proposal;
        this.trusted = trusted;
        this.onChecked = onChecked;
    }

    Peer peer() {
        return peer;
    }

    SignedProposal<PublicKey> proposal() {
        return proposal;
    }

    boolean trusted() {
        return trusted;
    }

    /** The I/O thread already read every field; nothing is left to parse. */
    @Override
    public boolean decode() {
        return true;
    }

    @Override
    public boolean verify() {
        return proposal.checkSign();
    }

    @Override
    public void deliver(int verdict) {
        if (verdict == PipelineEvent.BAD) {
            LOG.warn("Proposal fails sig check (peer {})", peer.id());
            peer.charge(Charge.INVALID_SIGNATURE);
        } else if (verdict == PipelineEvent.GOOD) {
            onChecked.accept(this);
        }
    }
}
