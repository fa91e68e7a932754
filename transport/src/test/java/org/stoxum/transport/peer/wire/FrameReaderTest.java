package org.stoxum.transport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.transport.peer.resource.Charge;

class FrameReaderTest {

    private static byte[] frame(int length, int fill) {
        byte[] f = new byte[4 + length];
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(0, length);
        for (int i = 4; i < f.length; i++) {
            f[i] = (byte) (fill + i);
        }
        return f;
    }

    private static void append(FrameReader r, byte[] bytes, int off, int len) {
        r.ensureWritable(len);
        System.arraycopy(bytes, off, r.writeArray(), r.writeOffset(), len);
        r.commit(len);
    }

    @Test
    void messagesSplitAtEveryByteComeOutWhole() throws Exception {
        byte[] a = frame(20, 1);
        byte[] b = frame(9000, 2);
        byte[] c = frame(8, 3);
        ByteBuffer all = ByteBuffer.allocate(a.length + b.length + c.length).put(a).put(b).put(c);
        FrameReader r = new FrameReader(1 << 20);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.capacity(); i++) {
            append(r, all.array(), i, 1);
            r.poll((buf, off, len) -> {
                byte[] m = new byte[len];
                buf.getBytes(off, m);
                out.add(m);
                return true;
            });
        }
        assertEquals(3, out.size());
        assertArrayEquals(Arrays.copyOfRange(b, 4, b.length), out.get(1));
        assertEquals(0, r.pending());
    }

    @Test
    void aLengthBeyondTheLimitFailsBeforeTheBodyArrives() {
        FrameReader r = new FrameReader(1024);
        byte[] prefix = new byte[4];
        ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1025);
        append(r, prefix, 0, 4);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> r.poll((b, o, l) -> true));
        assertEquals(Charge.INVALID_REQUEST, e.charge());
        ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).putInt(0, -1);
        FrameReader r2 = new FrameReader(1024);
        append(r2, prefix, 0, 4);
        assertThrows(MalformedFrameException.class, () -> r2.poll((b, o, l) -> true));
    }

    @Test
    void aMessageShorterThanAHeaderIsMalformed() {
        FrameReader r = new FrameReader(1024);
        byte[] f = frame(3, 0);
        append(r, f, 0, f.length);
        assertThrows(MalformedFrameException.class, () -> r.poll((b, o, l) -> true));
    }

    @Test
    void pollingStopsWhenTheSinkSaysSo() throws Exception {
        FrameReader r = new FrameReader(1024);
        byte[] f = frame(10, 0);
        append(r, f, 0, f.length);
        append(r, f, 0, f.length);
        assertEquals(1, r.poll((b, o, l) -> false));
        assertEquals(f.length, r.pending());
    }
}
