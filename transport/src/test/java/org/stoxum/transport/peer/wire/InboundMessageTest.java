package org.stoxum.transport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.sbe.HaveSetDecoder;
import org.stoxum.codec.sbe.HaveSetEncoder;
import org.stoxum.codec.sbe.MessageHeaderEncoder;
import org.stoxum.codec.sbe.PingEncoder;
import org.stoxum.codec.sbe.PingType;
import org.stoxum.codec.sbe.RejectionEncoder;
import org.stoxum.codec.sbe.TxSetStatus;
import org.stoxum.transport.peer.SampleMessagesAccess;

/** The structural check every received message passes before anyone reads it. */
class InboundMessageTest {

    private static byte[] message(OutboundMessage m) {
        ByteBuffer f = m.frame();
        f.position(Frames.LENGTH_BYTES);
        byte[] out = new byte[f.remaining()];
        f.get(out);
        return out;
    }

    private static List<byte[]> samples() {
        List<byte[]> out = new ArrayList<>();
        FrameEncoder f = new FrameEncoder();
        RejectionEncoder r = new RejectionEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
        r.reason("Unable to verify HELLO message");
        out.add(message(f.finish(r.limit())));
        HaveSetEncoder h = new HaveSetEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
        h.status(TxSetStatus.NEED).putHash(new byte[32], 0, 32);
        out.add(message(f.finish(h.limit())));
        PingEncoder p = new PingEncoder().wrapAndApplyHeader(f.buffer(), Frames.LENGTH_BYTES, f.header());
        p.pingType(PingType.PING).seq(5).pingTime(1).netTime(2);
        out.add(message(f.finish(p.limit())));
        for (MessageType t : SampleMessagesAccess.delivered()) {
            out.add(message(SampleMessagesAccess.sample(t)));
        }
        return out;
    }

    @Test
    void everyProperPrefixAndEveryExtraByteIsMalformed() throws Exception {
        InboundMessage view = new InboundMessage();
        for (byte[] m : samples()) {
            UnsafeBuffer whole = new UnsafeBuffer(m);
            MessageType type = view.wrap(whole, 0, m.length);
            for (int len = 0; len < m.length; len++) {
                int n = len;
                assertThrows(MalformedFrameException.class, () -> view.wrap(new UnsafeBuffer(m), 0, n),
                        type + " cut to " + n);
            }
            byte[] longer = Arrays.copyOf(m, m.length + 1);
            assertThrows(MalformedFrameException.class, () -> view.wrap(new UnsafeBuffer(longer), 0, longer.length),
                    type + " with a stray byte");
        }
    }

    @Test
    void anUnknownTemplateIsIgnoredAndAForeignSchemaIsNot() throws Exception {
        byte[] m = samples().get(1);
        UnsafeBuffer b = new UnsafeBuffer(m);
        b.putShort(2, (short) 60, Frames.ORDER);
        assertNull(new InboundMessage().wrap(b, 0, m.length));
        b.putShort(2, (short) HaveSetEncoder.TEMPLATE_ID, Frames.ORDER);
        b.putShort(4, (short) 2, Frames.ORDER);
        assertThrows(MalformedFrameException.class, () -> new InboundMessage().wrap(b, 0, m.length));
    }

    @Test
    void aShortRootBlockIsMalformedAndALongerOneFromANewerVersionIsRead() throws Exception {
        byte[] m = samples().get(1);
        UnsafeBuffer b = new UnsafeBuffer(m.clone());
        b.putShort(0, (short) (HaveSetEncoder.BLOCK_LENGTH - 1), Frames.ORDER);
        assertThrows(MalformedFrameException.class, () -> new InboundMessage().wrap(b, 0, m.length));

        byte[] newer = Arrays.copyOf(m, m.length + 6);
        UnsafeBuffer n = new UnsafeBuffer(newer);
        n.putShort(0, (short) (HaveSetEncoder.BLOCK_LENGTH + 6), Frames.ORDER);
        n.putShort(6, (short) (MessageHeaderEncoder.SCHEMA_VERSION + 1), Frames.ORDER);
        InboundMessage view = new InboundMessage();
        assertEquals(MessageType.HAVE_SET, view.wrap(n, 0, newer.length));
        assertEquals(MessageHeaderEncoder.SCHEMA_VERSION + 1, view.version());
        HaveSetDecoder d = view.haveSet();
        assertEquals(TxSetStatus.NEED, d.status());
    }

    @Test
    void viewsOfTheWrongTypeAreRefused() throws Exception {
        InboundMessage view = new InboundMessage();
        byte[] m = samples().get(1);
        view.wrap(new UnsafeBuffer(m), 0, m.length);
        assertThrows(IllegalStateException.class, view::transaction);
    }
}
