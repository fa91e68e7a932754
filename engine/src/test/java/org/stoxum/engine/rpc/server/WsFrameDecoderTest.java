package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Frame decoding without sockets: lengths, streaming, limits. */
class WsFrameDecoderTest {

    private static byte[] masked(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        if (payload.length <= 125) {
            out.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] mask = {1, 2, 3, 4};
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i & 3]);
        }
        return out.toByteArray();
    }

    @Test
    void allThreeLengthFormsDecodeEvenByteByByte() {
        for (int size : new int[] {0, 125, 126, 65_535, 65_536, 200_000}) {
            byte[] payload = "a".repeat(size).getBytes(StandardCharsets.UTF_8);
            byte[] frame = masked(0x81, payload);
            WsFrameDecoder decoder = new WsFrameDecoder(1 << 20);
            ByteBuffer in = ByteBuffer.allocate(frame.length);
            WsFrameDecoder.Event event = null;
            int step = size > 1000 ? 997 : 1;
            for (int i = 0; i < frame.length; i += step) {
                in.put(frame, i, Math.min(step, frame.length - i));
                in.flip();
                event = decoder.next(in);
                in.compact();
            }
            WsFrameDecoder.Message m = assertInstanceOf(WsFrameDecoder.Message.class, event, "size " + size);
            assertArrayEquals(payload, m.payload());
        }
    }

    @Test
    void messagesOverTheLimitAreRefused() {
        WsFrameDecoder decoder = new WsFrameDecoder(10);
        WsFrameDecoder.Event e = decoder.next(ByteBuffer.wrap(masked(0x01, new byte[6])));
        assertInstanceOf(WsFrameDecoder.NeedMore.class, e);
        WsFrameDecoder.Failure f = assertInstanceOf(WsFrameDecoder.Failure.class,
                decoder.next(ByteBuffer.wrap(masked(0x80, new byte[6]))));
        assertEquals(1009, f.code());
    }

    @Test
    void closeCodesAreChecked() {
        assertEquals(true, WsFrameDecoder.validCloseCode(1000));
        assertEquals(false, WsFrameDecoder.validCloseCode(1005));
        assertEquals(false, WsFrameDecoder.validCloseCode(2999));
        assertEquals(true, WsFrameDecoder.validCloseCode(4000));
        assertEquals(false, WsFrameDecoder.validCloseCode(5000));
        WsFrameDecoder.Control c = assertInstanceOf(WsFrameDecoder.Control.class,
                new WsFrameDecoder(100).next(ByteBuffer.wrap(masked(0x88, new byte[] {0x0F, (byte) 0xA0}))));
        assertEquals(WsFrameDecoder.OP_CLOSE, c.opcode());
    }

    @Test
    void serverFramesUseTheShortestLength() {
        assertEquals(2 + 5, WsFrames.frame(WsFrameDecoder.OP_TEXT, new byte[5]).remaining());
        assertEquals(4 + 126, WsFrames.frame(WsFrameDecoder.OP_TEXT, new byte[126]).remaining());
        assertEquals(10 + 65_536, WsFrames.frame(WsFrameDecoder.OP_TEXT, new byte[65_536]).remaining());
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WsFrames.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
        ByteBuffer close = WsFrames.close(4000, "Client is too slow.");
        assertEquals((byte) 0x88, close.get(0));
        assertEquals(0x0F, close.get(2));
        assertEquals((byte) 0xA0, close.get(3));
    }

    @Test
    void utf8IsJudgedAsTheJdkDecoderJudgesIt() {
        byte[][] edges = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC2, (byte) 0x80}, {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0x9F, (byte) 0xBF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xFF}, "d\u00e9j\u00e0 \u20ac \ud83d\ude00".getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] e : edges) {
            assertEquals(jdkAccepts(e), WsFrameDecoder.validUtf8(e, 0, e.length), java.util.HexFormat.of().formatHex(e));
        }
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(8)];
            for (int i = 0; i < b.length; i++) {
                // Mostly lead and continuation bytes, where the rules are.
                b[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            assertEquals(jdkAccepts(b), WsFrameDecoder.validUtf8(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
        }
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
