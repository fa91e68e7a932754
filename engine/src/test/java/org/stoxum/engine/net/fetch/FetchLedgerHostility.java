package org.stoxum.engine.net.fetch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.stoxum.codec.sbe.LedgerInfoType;
import org.stoxum.storage.shamap.SHAMapNodeID;
import org.stoxum.storage.shamap.SHAMapSync.WireNode;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** A hostile server: honest headers, then every node answer damaged in one of several ways. */
final class FetchLedgerHostility {
    private static final AtomicInteger MODE = new AtomicInteger();

    private FetchLedgerHostility() {
    }

    static void corrupt(FetchNetwork.Node self, Peer from, GetLedgerQuery query) {
        CapturePeer honest = new CapturePeer();
        self.requests.answer(honest, query);
        for (OutboundMessage m : honest.sent) {
            LedgerDataReply reply = CapturePeer.reply(m);
            if (reply.type() == LedgerInfoType.BASE || reply.error() != null) {
                from.send(m);
                continue;
            }
            List<WireNode> bad = new ArrayList<>();
            List<LedgerDataReply.RawNode> nodes = reply.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                byte[] data = nodes.get(i).data();
                SHAMapNodeID id = SHAMapNodeID.fromWire(nodes.get(i).id());
                switch (MODE.getAndIncrement() % 4) {
                    case 0 -> {
                        byte[] flipped = data.clone();
                        flipped[0] ^= 0x40;
                        bad.add(new WireNode(id, flipped));
                    }
                    case 1 -> bad.add(new WireNode(id, Arrays.copyOf(data, data.length / 2)));
                    case 2 -> bad.add(new WireNode(id, nodes.get((i + 1) % nodes.size()).data()));
                    default -> bad.add(new WireNode(id, new byte[] {7, 7, 7, 7, 7, (byte) 200}));
                }
            }
            from.send(LedgerMessages.ledgerData(reply.hash(), reply.seq(), reply.type(), LedgerMessages.ABSENT, bad));
        }
    }
}
