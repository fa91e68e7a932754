package org.stoxum.cli.network;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.engine.app.LedgerStart;

/** {@link NetworkScenario} with every node in this JVM: fast to run, easy to debug. */
class NetworkTest {
    @Test
    void threeValidatorsAndAStockServerValidateTheSameLedgersAndALateServerCatchesUp() throws Exception {
        try (TestNetwork net = new TestNetwork(3, 2)) {
            List<TestNetwork.Node> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(net.start(i, new LedgerStart.Genesis(true)));
            }
            NetworkScenario.run(nodes, () -> net.start(4, new LedgerStart.Genesis(false)));
        }
    }
}
