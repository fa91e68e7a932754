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

    FrameEncoder frames() {
        return frames;
    }

    OutboundMessage ping(PingType type, long seq, long pingTime, long netTime) {
        frames.begin(ping).pingType(type).seq(seq).pingTime(pingTime).netTime(netTime);
        return frames.finish(ping);
    }

    OutboundMessage endpoints(List<Endpoint> list) {
        EndpointsEncoder.EntriesEncoder entries = frames.begin(endpoints).version(ENDPOINTS_VERSION)
                .entriesCount(list.size());
        for (Endpoint ep : list) {
            byte[] address = ep.address().getAddress().getAddress();
            entries.next().hops(ep.hops()).port(ep.address().getPort()).putAddress(address, 0, address.length);
        }
        return frames.finish(endpoints);
    }

    OutboundMessage redirect(List<InetSocketAddress> peers) {
        RedirectEncoder.PeerIpsEncoder ips = frames.begin(redirect).peerIpsCount(peers.size());
        for (InetSocketAddress a : peers) {
            InetAddress address = a.getAddress();
            byte[] raw = address.getAddress();
            ips.next().port(a.getPort()).putAddress(raw, 0, raw.length);
        }
        return frames.finish(redirect);
    }

    OutboundMessage rejection(String reason) {
        frames.begin(rejection).reason(reason);
        return frames.finish(rejection);
    }
}
