package org.stoxum.transport.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayHandshakeTest {

    @Test
    void twoNodesLearnEachOthersKeys() {
        try (TestNode a = TestNode.start(TestNode.settings().build());
             TestNode b = TestNode.start(TestNode.settings().build())) {
            a.connect(b);
            Await.until("both sides active", () -> a.hasPeer(b) && b.hasPeer(a));
            List<PeerSummary> fromA = a.overlay.peers();
            assertEquals(1, fromA.size());
            assertFalse(fromA.get(0).inbound());
            assertEquals(b.key.publicKey(), fromA.get(0).publicKey());
            PeerSummary fromB = b.overlay.peers().get(0);
            assertTrue(fromB.inbound());
            assertEquals(a.key.publicKey(), fromB.publicKey());
            assertEquals(OverlaySettings.DEFAULT_USER_AGENT, fromB.userAgent());
        }
    }
}
