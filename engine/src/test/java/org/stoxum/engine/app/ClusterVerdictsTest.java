package org.stoxum.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.cluster.Verdict;

/** Whose signature verdicts a server takes: a validator only its own (stoxumd's "be paranoid"). */
class ClusterVerdictsTest {
    private static final Hash256 GOOD_AT_MEMBER = Hash256.fromHex("01".repeat(32));
    private static final Hash256 BAD_AT_MEMBER = Hash256.fromHex("02".repeat(32));
    private static final Hash256 IN_ROUTER = Hash256.fromHex("03".repeat(32));
    private static final Hash256 UNSEEN = Hash256.fromHex("04".repeat(32));

    private final Map<Hash256, Boolean> shared = new HashMap<>();
    private final Map<Hash256, Boolean> router = new HashMap<>(Map.of(IN_ROUTER, true));

    private ClusterVerdicts verdicts(boolean validator) {
        Map<Hash256, Verdict> members = Map.of(GOOD_AT_MEMBER, Verdict.GOOD, BAD_AT_MEMBER, Verdict.BAD);
        return new ClusterVerdicts(validator, h -> members.getOrDefault(h, Verdict.UNKNOWN), router::get,
                shared::put, router::put);
    }

    @Test
    void aServerThatDoesNotValidateTakesItsMembersWord() {
        ClusterVerdicts v = verdicts(false);
        assertEquals(Boolean.TRUE, v.known(GOOD_AT_MEMBER));
        assertEquals(Boolean.FALSE, v.known(BAD_AT_MEMBER));
        assertEquals(Boolean.TRUE, v.known(IN_ROUTER));
        assertNull(v.known(UNSEEN));
    }

    @Test
    void aValidatorChecksWhatItsMembersChecked() {
        ClusterVerdicts v = verdicts(true);
        assertNull(v.known(GOOD_AT_MEMBER), "checked again, whatever a member found");
        assertNull(v.known(BAD_AT_MEMBER));
        assertEquals(Boolean.TRUE, v.known(IN_ROUTER), "its own checks still count");
    }

    @Test
    void aValidatorStillSharesItsChecks() {
        ClusterVerdicts v = verdicts(true);
        v.checked(UNSEEN, false);
        assertEquals(Map.of(UNSEEN, false), shared);
        assertEquals(Boolean.FALSE, router.get(UNSEEN));
        assertEquals(Boolean.FALSE, v.known(UNSEEN), "the router remembers it");
    }
}
