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
final class CapturePeer implements Peer {
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final List<Charge> charges = new CopyOnWriteArrayList<>();

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
        return -1;
    }

    @Override
    public PublicKey publicKey() {
        return null;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }

    @Override
    public boolean inbound() {
        return false;
    }

    @Override
    public boolean cluster() {
        return false;
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
