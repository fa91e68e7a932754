package org.stoxum.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.sbe.Bool;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.InboundMessage;
import org.stoxum.transport.peer.wire.MessageType;

/** A relayed transaction carries stoxumd's {@code deferred} flag: set for one we only held (terQUEUED). */
class PeerMessagesTest {
    private static final byte[] RAW = {0x12, 0x00, 0x00, 0x22, 1, 2, 3};

    @Test
    void theDeferredFlagCrossesTheWire() throws Exception {
        PeerMessages messages = new PeerMessages();
        for (boolean deferred : new boolean[] {false, true}) {
            InboundMessage in = read(messages.transaction(RAW, 700_000_000L, deferred).frame());
            assertEquals(deferred ? Bool.TRUE : Bool.FALSE, in.transaction().deferred());
            assertArrayEquals(RAW, PeerMessages.rawTransaction(in.transaction()));
        }
    }

    private static InboundMessage read(ByteBuffer frame) throws Exception {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        InboundMessage in = new InboundMessage();
        assertEquals(MessageType.TRANSACTION, in.wrap(new UnsafeBuffer(bytes), Frames.LENGTH_BYTES,
                bytes.length - Frames.LENGTH_BYTES));
        return in;
    }
}
