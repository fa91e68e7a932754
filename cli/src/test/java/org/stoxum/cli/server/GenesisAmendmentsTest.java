package org.stoxum.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;

/**
 * What the amendment sections do at start-up, as in stoxumd: a {@code --start} genesis enables the desired
 * amendments (supported, plus {@code [amendments]}, less {@code [veto_amendments]}), and {@code [features]}
 * turns rules on in every ledger without enabling anything in the ledgers themselves.
 */
class GenesisAmendmentsTest {
    private static List<Hash256> genesisAmendments(TestNodes.Node node) {
        STObject sle = node.app.ledgerMaster().ledgerBySeq(1).read(Keylets.amendments());
        return sle == null ? null : sle.getVector256(SField.AMENDMENTS);
    }

    @Test
    void startEnablesTheSupportedAmendmentsAddedToAndVetoed() throws IOException {
        Hash256 tickets = Amendments.TICKETS;
        Hash256 feeEscalation = Amendments.FEE_ESCALATION;
        String sections = "[amendments]\n" + tickets + " Tickets\n\n[veto_amendments]\n" + feeEscalation
                + " FeeEscalation\n";
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), sections, NetworkProfile.STOXUM)) {
            TreeSet<Hash256> expected = new TreeSet<>(Amendments.supported());
            expected.add(tickets);
            expected.remove(feeEscalation);
            assertEquals(new ArrayList<>(expected), genesisAmendments(node), "sorted, as getDesired returns them");
            ReadView open = node.app.ledgerMaster().currentLedger();
            assertTrue(open.rules().enabled(tickets));
            assertFalse(open.rules().enabled(feeEscalation), "vetoed: not in the genesis ledger");
        }
    }

    @Test
    void plainStartKeepsTheTwentyOneSupported() throws IOException {
        try (TestNodes.Node node = TestNodes.start(true)) {
            assertEquals(21, genesisAmendments(node).size());
            assertEquals(new ArrayList<>(Amendments.supported()), genesisAmendments(node));
        }
    }

    @Test
    void featuresApplyTheirRulesWithoutEnablingThemInTheLedger() throws IOException {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(false), "[features]\nFeeEscalation\n",
                NetworkProfile.STOXUM)) {
            assertNull(genesisAmendments(node), "no Amendments object without --start");
            assertTrue(node.app.ledgerMaster().currentLedger().rules().enabled(Amendments.FEE_ESCALATION));
            assertFalse(node.app.ledgerMaster().currentLedger().rules().enabled(Amendments.MULTI_SIGN));
            node.call("ledger_accept", null);
            assertTrue(node.app.ledgerMaster().currentLedger().rules().enabled(Amendments.FEE_ESCALATION),
                    "every later ledger keeps the presets");
            assertTrue(node.call("fee", null).has("expected_ledger_size"), "fee escalation is on");
        }
    }
}
