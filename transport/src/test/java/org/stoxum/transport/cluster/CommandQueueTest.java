package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;

/** Engine requests reach the cluster thread intact, and a full queue refuses instead of blocking. */
class CommandQueueTest {
    @Test
    void requestsArriveInOrder() {
        CommandQueue q = new CommandQueue(4096, 300);
        Outbox out = new Outbox(10);
        Hash256 h = Hash256.fromHex("AB".repeat(32));
        assertTrue(q.verdict(h, false));
        assertTrue(q.relay(new byte[] {9, 8, 7}, false));
        assertTrue(q.charge(new LoadSource("2001:db8::1", 15_000)));
        assertTrue(q.relay(new byte[] {6}, true));
        assertEquals(4, q.drain(out, 5, 10));
        assertEquals(List.of(new Outbox.Mark(h, false)), out.marks);
        assertArrayEquals(new byte[] {9, 8, 7}, out.transactions.get(0).raw());
        assertFalse(out.transactions.get(0).deferred());
        assertArrayEquals(new byte[] {6}, out.transactions.get(1).raw());
        assertTrue(out.transactions.get(1).deferred(), "a held transaction stays marked deferred");
        assertEquals(List.of(new LoadSource("2001:db8::1", 15_000)), out.charges);
        assertFalse(out.isDue(14));
        assertTrue(out.isDue(15));
    }

    @Test
    void tooLargeOrTooManyIsRefused() {
        CommandQueue q = new CommandQueue(4096, 300);
        assertFalse(q.relay(new byte[301], false));
        assertFalse(q.relay(new byte[0], false));
        int taken = 0;
        while (q.relay(new byte[300], false)) {
            taken++;
        }
        assertTrue(taken > 5 && taken < 20, "taken " + taken);
        assertEquals(taken, q.drain(new Outbox(1), 0, 100));
        assertTrue(q.relay(new byte[300], false), "room again once drained");
    }
}
