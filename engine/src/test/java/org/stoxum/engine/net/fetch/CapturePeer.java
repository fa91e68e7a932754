package org.stoxum.engine.net.fetch;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.Sanity;
import org.stoxum.transport.peer.resource.Charge;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MalformedFrameException;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** A peer that keeps what is sent to it and what it is charged; decodes frames as a receiver would. */
public final class CapturePeer implements Peer {
    public final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    public final List<Charge> charges = new CopyOnWriteArrayList<>();
    private final long id;
    private final PublicKey key;
    private final boolean inbound;
    private final boolean cluster;

    /** An outbound peer without identity, for the fetch tests. */
    public CapturePeer() {
        this(-1, null, false, false);
    }

    /** A peer with an identity, for tests that check what its key or cluster membership changes. */
    public CapturePeer(long id, PublicKey key, boolean inbound, boolean cluster) {
        this.id = id;
        this.key = key;
        this.inbound = inbound;
        this.cluster = cluster;
    }

    /** Decodes a frame through InboundMessage, as the overlay hands it to the engine. */
    static InboundMessage wrap(OutboundMessage m) {
        ByteBuffer f = m.frame();
        byte[] bytes = new byte[f.remaining()];
        f.get(bytes);
        InboundMessage in = new InboundMessage();
        try {
            in.wrap(new UnsafeBuffer(bytes), 4, bytes.length - 4);
        } catch (MalformedFrameException e) {
            throw new AssertionError("we wrote a malformed frame", e);
        }
        return in;
    }

    static LedgerDataReply reply(OutboundMessage m) {
        return LedgerDataReply.copyOf(wrap(m).ledgerData());
    }

    static GetLedgerQuery query(OutboundMessage m) {
        return GetLedgerQuery.copyOf(wrap(m).getLedger());
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public PublicKey publicKey() {
        return key;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }

    @Override
    public boolean inbound() {
        return inbound;
    }

    @Override
    public boolean cluster() {
        return cluster;
    }

    @Override
    public void send(OutboundMessage message) {
        sent.add(message);
    }

    @Override
    public void charge(Charge charge) {
        charges.add(charge);
    }

    @Override
    public Sanity sanity() {
        return Sanity.SANE;
    }

    @Override
    public int sendQueueSize() {
        return 0;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public String closeReason() {
        return null;
    }
}
