package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;

/** What the writer encodes, the reader gives back; what does not decode to its length is refused whole. */
class FrameReaderTest {
    private static final int MAX_FRAME = 8192;

    private final KeyPair sender = KeyPair.random(KeyType.SECP256K1);
    private final PublicKey receiver = KeyPair.random(KeyType.SECP256K1).publicKey();
    private final FrameWriter writer = new FrameWriter(sender, MAX_FRAME);
    private final FrameReader reader = new FrameReader();
    private final List<Object> got = new ArrayList<>();
    private final FrameHandler recorder = new FrameHandler() {
        @Override
        public void onHello(PublicKey from) {
            got.add("hello " + from);
        }

        @Override
        public void onReport(PublicKey from, MemberTable.Report own, List<MemberTable.Report> others,
                             List<LoadSource> sources) {
            got.add(own);
            got.add(others);
            got.add(sources);
        }

        @Override
        public void onMark(PublicKey from, Hash256 hash, Verdict verdict) {
            got.add(hash + " " + verdict);
        }

        @Override
        public void onTransaction(PublicKey from, byte[] raw, boolean deferred) {
            got.add(new Outbox.Relay(raw, deferred));
        }

        @Override
        public void onCharges(PublicKey from, List<LoadSource> charges) {
            got.add(charges);
        }
    };

    /** Seals the writer's message and reads it back as the cluster would after authentication. */
    private boolean readBack() {
        int length = writer.length();
        writer.seal(receiver.toBytes(), 1, 1, 1);
        return reader.read(writer.buffer(), 0, length, sender.publicKey(), recorder);
    }

    @Test
    void helloRoundTrips() {
        writer.hello();
        assertTrue(readBack());
        assertEquals(List.of("hello " + sender.publicKey()), got);
    }

    @Test
    void reportRoundTripsWithRelayedMembersAndLoadSources() {
        PublicKey other = KeyPair.random(KeyType.ED25519).publicKey();
        List<MemberTable.Report> others = List.of(new MemberTable.Report(other, "", 512, 1234, ""));
        List<LoadSource> sources = List.of(new LoadSource("203.0.113.9", 16_000), new LoadSource("::1", 1000));
        assertEquals(2, writer.report(99, 0xFFFF_FFFFL, others, sources, "alpha ü", "10.0.0.1:51235"));
        assertTrue(readBack());
        assertEquals(List.of(new MemberTable.Report(sender.publicKey(), "alpha ü", 0xFFFF_FFFFL, 99, "10.0.0.1:51235"),
                others, sources), got);
    }

    @Test
    void aFullReportKeepsTheLargestLoadSources() {
        List<LoadSource> sources = IntStream.range(0, 1000)
                .mapToObj(i -> new LoadSource("198.51.100." + (i % 250) + "-" + i, 100_000 - i)).toList();
        int taken = writer.report(1, 256, List.of(), sources, "", "");
        assertTrue(taken > 50 && taken < 1000, "taken " + taken);
        assertTrue(writer.length() <= MAX_FRAME - FrameWriter.MAX_TRAILER);
        assertTrue(readBack());
        assertEquals(sources.subList(0, taken), got.get(2));
    }

    @Test
    void marksSplitAcrossFramesAndRoundTrip() {
        List<Outbox.Mark> marks = IntStream.range(0, 600).mapToObj(i -> new Outbox.Mark(
                Hash256.fromHex(String.format("%064x", i)), i % 3 != 0)).toList();
        int from = 0;
        int frames = 0;
        while (from < marks.size()) {
            from += writer.marks(marks, from);
            assertTrue(writer.length() <= MAX_FRAME - FrameWriter.MAX_TRAILER);
            assertTrue(readBack());
            frames++;
        }
        assertEquals(3, frames);
        assertEquals(marks.stream().map(m -> m.hash() + " " + (m.good() ? Verdict.GOOD : Verdict.BAD)).toList(), got);
    }

    @Test
    void transactionsAndChargesRoundTrip() {
        int max = FrameWriter.maxTransactionLength(MAX_FRAME);
        List<Outbox.Relay> txs = List.of(new Outbox.Relay(new byte[] {1}, false),
                new Outbox.Relay(new byte[max], true), new Outbox.Relay(new byte[] {2, 3}, false));
        assertEquals(1, writer.transactions(txs, 0));
        assertTrue(readBack());
        assertEquals(1, writer.transactions(txs, 1), "the largest transaction fills a frame alone");
        assertTrue(readBack());
        assertEquals(1, writer.transactions(txs, 2));
        assertTrue(readBack());
        assertEquals(3, got.size());
        for (int i = 0; i < 3; i++) {
            Outbox.Relay read = (Outbox.Relay) got.get(i);
            assertArrayEquals(txs.get(i).raw(), read.raw());
            assertEquals(txs.get(i).deferred(), read.deferred(), "the deferred flag crosses the wire");
        }
        got.clear();
        List<LoadSource> charges = List.of(new LoadSource("192.0.2.7", 15_000));
        assertEquals(1, writer.charges(charges, 0));
        assertTrue(readBack());
        assertEquals(List.of(charges), got);
    }

    @Test
    void aGroupCountThatLiesIsRefusedWithoutDispatchingAnything() {
        List<Outbox.Mark> marks = List.of(new Outbox.Mark(Hash256.ZERO, true), new Outbox.Mark(Hash256.ZERO, false));
        writer.marks(marks, 0);
        int length = writer.length();
        UnsafeBuffer b = (UnsafeBuffer) writer.buffer();
        int countAt = FrameWriter.MIN_MESSAGE_LENGTH + 2;  // after the group's block length
        b.putShort(countAt, (short) 3);
        assertFalse(reader.read(b, 0, length, sender.publicKey(), recorder));
        b.putShort(countAt, (short) 1);
        assertFalse(reader.read(b, 0, length, sender.publicKey(), recorder), "trailing bytes");
        b.putShort(countAt, (short) 2);
        b.putByte(FrameWriter.MIN_MESSAGE_LENGTH + 4 + 32, (byte) 7);  // not a verdict
        assertTrue(reader.read(b, 0, length, sender.publicKey(), recorder));
        assertEquals(List.of(Hash256.ZERO + " " + Verdict.BAD), got, "an unknown verdict is skipped");
        b.putShort(2, (short) 99);  // an unknown template
        assertFalse(reader.read(b, 0, length, sender.publicKey(), recorder));
    }
}
