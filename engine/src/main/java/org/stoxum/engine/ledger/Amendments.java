package org.stoxum.engine.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * The amendments stoxumd knows (rippled's {@code Feature.cpp}): an amendment's id is SHA512Half of its
 * name. "Supported" ones are voted for by default and written into the genesis ledger by {@code --start}.
 */
public final class Amendments {
    /** Every known name, supported or not, in stoxumd's order. */
    private static final List<String> KNOWN = List.of("MultiSign", "Tickets", "TrustSetAuth", "FeeEscalation",
            "OwnerPaysFee", "CompareFlowV1V2", "SHAMapV2", "PayChan", "Flow", "CompareTakerFlowCross", "FlowCross",
            "CryptoConditions", "TickSize", "fix1368", "Escrow", "CryptoConditionsSuite", "fix1373",
            "EnforceInvariants", "SortedDirectories", "fix1201", "fix1512", "fix1513", "fix1523", "fix1528",
            "DepositAuth", "Checks");
    /** The 21 supported amendments, in stoxumd's order. */
    private static final List<String> SUPPORTED = List.of("MultiSign", "TrustSetAuth", "FeeEscalation", "PayChan",
            "Flow", "CryptoConditions", "TickSize", "fix1368", "Escrow", "CryptoConditionsSuite", "fix1373",
            "EnforceInvariants", "FlowCross", "SortedDirectories", "fix1201", "fix1512", "fix1513", "fix1523",
            "fix1528", "DepositAuth", "Checks");

    private static final Map<String, Hash256> BY_NAME = new LinkedHashMap<>();

    static {
        for (String name : KNOWN) {
            BY_NAME.put(name, Hash256.wrap(Sha512Half.of(name.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    public static final Hash256 MULTI_SIGN = id("MultiSign");
    public static final Hash256 TICKETS = id("Tickets");
    public static final Hash256 TRUST_SET_AUTH = id("TrustSetAuth");
    public static final Hash256 FEE_ESCALATION = id("FeeEscalation");
    public static final Hash256 OWNER_PAYS_FEE = id("OwnerPaysFee");
    public static final Hash256 PAY_CHAN = id("PayChan");
    public static final Hash256 FLOW = id("Flow");
    public static final Hash256 FLOW_CROSS = id("FlowCross");
    public static final Hash256 CRYPTO_CONDITIONS = id("CryptoConditions");
    public static final Hash256 TICK_SIZE = id("TickSize");
    public static final Hash256 FIX1368 = id("fix1368");
    public static final Hash256 ESCROW = id("Escrow");
    public static final Hash256 CRYPTO_CONDITIONS_SUITE = id("CryptoConditionsSuite");
    public static final Hash256 FIX1373 = id("fix1373");
    public static final Hash256 ENFORCE_INVARIANTS = id("EnforceInvariants");
    public static final Hash256 SORTED_DIRECTORIES = id("SortedDirectories");
    public static final Hash256 FIX1201 = id("fix1201");
    public static final Hash256 FIX1512 = id("fix1512");
    public static final Hash256 FIX1513 = id("fix1513");
    public static final Hash256 FIX1523 = id("fix1523");
    public static final Hash256 FIX1528 = id("fix1528");
    public static final Hash256 DEPOSIT_AUTH = id("DepositAuth");
    public static final Hash256 CHECKS = id("Checks");

    private Amendments() {
    }

    /** The id of a known amendment. */
    public static Hash256 id(String name) {
        Hash256 id = BY_NAME.get(name);
        if (id == null) {
            throw new IllegalArgumentException("unknown amendment " + name);
        }
        return id;
    }

    /** The id of {@code name}, or null when stoxumd does not know it. */
    public static Hash256 find(String name) {
        return BY_NAME.get(name);
    }

    /** The name of a known amendment id, or null. */
    public static String name(Hash256 id) {
        for (Map.Entry<String, Hash256> e : BY_NAME.entrySet()) {
            if (e.getValue().equals(id)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Known amendments by name, in stoxumd's order. */
    public static Map<String, Hash256> known() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** True when stoxumd supports (and by default votes for) {@code id}. */
    public static boolean isSupported(Hash256 id) {
        return supported().contains(id);
    }

    /** The ids of the supported amendments, sorted ascending as the genesis Amendments object lists them. */
    public static Set<Hash256> supported() {
        Set<Hash256> out = new TreeSet<>();
        for (String n : SUPPORTED) {
            out.add(BY_NAME.get(n));
        }
        return Collections.unmodifiableSet(out);
    }
}
