package org.stoxum.transport.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.stoxum.codec.sbe.EndpointsEncoder;
import org.stoxum.codec.sbe.PingEncoder;
import org.stoxum.codec.sbe.PingType;
import org.stoxum.codec.sbe.RedirectEncoder;
import org.stoxum.codec.sbe.RejectionEncoder;
import org.stoxum.transport.peer.finder.Endpoint;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** The messages the overlay writes itself: pings, gossip and handshake answers. I/O thread only. */
final class ControlMessages {
    /** The ENDPOINTS format version we write. */
    static final int ENDPOINTS_VERSION = 1;

    private final FrameEncoder frames = new FrameEncoder();
    private final PingEncoder ping = new PingEncoder();
    private final EndpointsEncoder endpoints = new EndpointsEncoder();
    private final RedirectEncoder redirect = new RedirectEncoder();
    private final RejectionEncoder rejection = new RejectionEncoder();

    private PingEncoder wrap(PingEncoder e) {
        return e.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header());
    }

    private EndpointsEncoder wrap(EndpointsEncoder e) {
        return e.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header());
    }

    private RedirectEncoder wrap(RedirectEncoder e) {
        return e.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header());
    }

    private RejectionEncoder wrap(RejectionEncoder e) {
        return e.wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header());
    }

    FrameEncoder frames() {
        return frames;
    }

    OutboundMessage ping(PingType type, long seq, long pingTime, long netTime) {
        wrap(ping).pingType(type).seq(seq).pingTime(pingTime).netTime(netTime);
        return frames.finish(ping.limit());
    }

    OutboundMessage endpoints(List<Endpoint> list) {
        EndpointsEncoder.EntriesEncoder entries = wrap(endpoints).version(ENDPOINTS_VERSION)
                .entriesCount(list.size());
        for (Endpoint ep : list) {
            byte[] address = ep.address().getAddress().getAddress();
            entries.next().hops(ep.hops()).port(ep.address().getPort()).putAddress(address, 0, address.length);
        }
        return frames.finish(endpoints.limit());
    }

    OutboundMessage redirect(List<InetSocketAddress> peers) {
        RedirectEncoder.PeerIpsEncoder ips = wrap(redirect).peerIpsCount(peers.size());
        for (InetSocketAddress a : peers) {
            InetAddress address = a.getAddress();
            byte[] raw = address.getAddress();
            ips.next().port(a.getPort()).putAddress(raw, 0, raw.length);
        }
        return frames.finish(redirect.limit());
    }

    OutboundMessage rejection(String reason) {
        wrap(rejection).reason(reason);
        return frames.finish(rejection.limit());
    }
}
