package org.stoxum.engine.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Newer rippled's health rules ({@code /health}, rippled 1.6): each figure outside its healthy range is
 * listed with its value and raises the level to warning or critical.
 *
 * <ul>
 *   <li>{@code validated_ledger}: the validated ledger's age in seconds, -1 when there is none. Healthy
 *       from 0 to below {@value #LEDGER_AGE_WARNING} s, critical from {@value #LEDGER_AGE_CRITICAL} s,
 *       else a warning. No validated ledger yet (-1) is only a warning: rippled compares -1 with the
 *       critical age as it compares any other, and a starting server is expected to have none.</li>
 *   <li>{@code amendment_blocked}: always critical.</li>
 *   <li>{@code peers}: healthy above {@value #PEERS_WARNING}; fewer is a warning, none is critical.</li>
 *   <li>{@code server_state}: full, validating and proposing are healthy; syncing, tracking and connected
 *       a warning; anything else (disconnected) critical.</li>
 *   <li>{@code load_factor}: the load factor over the load base; healthy up to {@value #LOAD_WARNING},
 *       warning below {@value #LOAD_CRITICAL}, else critical.</li>
 * </ul>
 *
 * <p>A stand-alone server has no peers and closes ledgers only when told to, so peers and ledger age are
 * not checked there: a fresh stand-alone server is healthy. (rippled has no such case: it answers
 * {@code /health} on the peer port, which a stand-alone server does not open.)
 */
public final class HealthCheck {
    /** Ledger age (seconds) from which health is a warning. */
    public static final long LEDGER_AGE_WARNING = 7;
    /** Ledger age (seconds) from which health is critical. */
    public static final long LEDGER_AGE_CRITICAL = 20;
    /** Peer counts up to this are a warning (zero is critical). */
    public static final int PEERS_WARNING = 7;
    /** Load factors (over the load base) above this are a warning. */
    public static final double LOAD_WARNING = 100;
    /** Load factors from this up are critical. */
    public static final double LOAD_CRITICAL = 1000;

    private static final Set<String> HEALTHY_STATES = Set.of("full", "validating", "proposing");
    private static final Set<String> WARNING_STATES = Set.of("syncing", "tracking", "connected");

    /**
     * What the checks look at.
     *
     * @param validatedLedgerAge seconds since the validated ledger closed, -1 when there is none
     * @param loadFactor         the load factor divided by the load base (1 when unloaded)
     */
    public record Inputs(long validatedLedgerAge, boolean amendmentBlocked, int peers, String serverState,
                         double loadFactor, boolean standalone) {
    }

    private HealthCheck() {
    }

    public static HealthReport evaluate(Inputs in) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        HealthReport.Level level = HealthReport.Level.HEALTHY;
        long age = in.validatedLedgerAge();
        if (!in.standalone() && (age < 0 || age >= LEDGER_AGE_WARNING)) {
            info.put("validated_ledger", age);
            level = level.worst(age < LEDGER_AGE_CRITICAL ? HealthReport.Level.WARNING : HealthReport.Level.CRITICAL);
        }
        if (in.amendmentBlocked()) {
            info.put("amendment_blocked", true);
            level = level.worst(HealthReport.Level.CRITICAL);
        }
        if (!in.standalone() && in.peers() <= PEERS_WARNING) {
            info.put("peers", in.peers());
            level = level.worst(in.peers() == 0 ? HealthReport.Level.CRITICAL : HealthReport.Level.WARNING);
        }
        if (!HEALTHY_STATES.contains(in.serverState())) {
            info.put("server_state", in.serverState());
            level = level.worst(WARNING_STATES.contains(in.serverState())
                    ? HealthReport.Level.WARNING : HealthReport.Level.CRITICAL);
        }
        if (in.loadFactor() > LOAD_WARNING) {
            info.put("load_factor", in.loadFactor());
            level = level.worst(in.loadFactor() < LOAD_CRITICAL
                    ? HealthReport.Level.WARNING : HealthReport.Level.CRITICAL);
        }
        return new HealthReport(level, info);
    }
}
