package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WsAnswerOrderTest {

    private static byte[] bytes(int n) {
        return new byte[] {(byte) n};
    }

    @Test
    void anAnswerWaitsForEveryEarlierOne() {
        WsAnswerOrder order = new WsAnswerOrder();
        WsAnswerOrder.Slot a = order.open();
        WsAnswerOrder.Slot b = order.open();
        WsAnswerOrder.Slot c = order.open();
        assertTrue(order.complete(c, bytes(3), false));
        assertTrue(order.complete(b, bytes(2), true));
        assertNull(order.poll(), "the oldest is still being worked on");
        assertEquals(3, order.inFlight(), "finished answers still hold their places");
        assertTrue(order.complete(a, bytes(1), false));
        assertSame(a, order.poll());
        WsAnswerOrder.Slot second = order.poll();
        assertSame(b, second);
        assertArrayEquals(bytes(2), second.answer());
        assertTrue(second.thenClose());
        assertSame(c, order.poll());
        assertNull(order.poll());
        assertTrue(order.isEmpty());
    }

    @Test
    void answersAfterAClearGoNowhere() {
        WsAnswerOrder order = new WsAnswerOrder();
        WsAnswerOrder.Slot a = order.open();
        order.clear();
        assertFalse(order.complete(a, bytes(1), false));
        assertNull(order.poll());
        WsAnswerOrder.Slot b = order.open();
        assertTrue(order.complete(b, null, true));
        WsAnswerOrder.Slot out = order.poll();
        assertSame(b, out);
        assertNull(out.answer());
    }
}
