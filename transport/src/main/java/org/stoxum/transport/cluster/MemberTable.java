package org.stoxum.transport.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stoxum.codec.crypto.PublicKey;

/**
 * The last report of each member and of ourselves (stoxumd's {@code Cluster} of {@code ClusterNode}s), and
 * what follows from them: who is up, and the cluster fee.
 *
 * <p>One writer (the cluster thread) replaces an immutable map on each accepted report; any thread reads.
 * Only configured members and ourselves are kept: a relayed entry about anyone else is ignored.
 */
final class MemberTable {
    /** A member's last report; times are ms since the Unix epoch on the reporter's clock. */
    record Report(PublicKey key, String name, long loadFee, long reportTime, String address) {
    }

    private final PublicKey self;
    private final List<ClusterMember> configured;
    private final long staleAfterMs;
    private volatile Map<PublicKey, Report> reports = Map.of();

    MemberTable(PublicKey self, List<ClusterMember> configured, Duration staleAfter) {
        this.self = self;
        this.configured = List.copyOf(configured);
        this.staleAfterMs = staleAfter.toMillis();
    }

    /**
     * Takes a report unless one at least as new is already held (stoxumd {@code Cluster::update}). An empty
     * name or address keeps the one held.
     *
     * @return whether the report was taken
     */
    boolean update(PublicKey key, String name, long loadFee, long reportTime, String address) {
        if (!key.equals(self) && configured.stream().noneMatch(m -> m.publicKey().equals(key))) {
            return false;
        }
        Map<PublicKey, Report> current = reports;
        Report old = current.get(key);
        if (old != null && reportTime <= old.reportTime()) {
            return false;
        }
        Report fresh = new Report(key,
                name.isEmpty() && old != null ? old.name() : name,
                loadFee, reportTime,
                address.isEmpty() && old != null ? old.address() : address);
        Map<PublicKey, Report> next = new HashMap<>(current);
        next.put(key, fresh);
        reports = Map.copyOf(next);
        return true;
    }

    /** The last report of {@code key}, or null. */
    Report report(PublicKey key) {
        return reports.get(key);
    }

    /** Every held report but our own, to relay in our next report. */
    List<Report> othersReports() {
        List<Report> out = new ArrayList<>();
        for (ClusterMember m : configured) {
            Report r = reports.get(m.publicKey());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The median of the other members' load fees reported within the stale limit; 0 when none is fresh (the
     * upper median for an even count, as stoxumd picks {@code fees[size / 2]}). Our own fee is not among
     * them, as stoxumd's cluster table holds the members it lists, not itself: one loaded member of three
     * raises the cluster fee at the other two, which then charge for its load too.
     */
    long clusterFee(long now) {
        long[] fees = reports.values().stream()
                .filter(r -> !r.key().equals(self) && isFresh(r, now))
                .mapToLong(Report::loadFee)
                .toArray();
        if (fees.length == 0) {
            return 0;
        }
        Arrays.sort(fees);
        return fees[fees.length / 2];
    }

    /** The configured members in configuration order, as {@code peers} shows them. */
    List<MemberStatus> members(long now) {
        Map<PublicKey, Report> current = reports;
        List<MemberStatus> out = new ArrayList<>(configured.size());
        for (ClusterMember m : configured) {
            Report r = current.get(m.publicKey());
            if (r == null) {
                out.add(new MemberStatus(m.publicKey(), m.name(), MemberStatus.Status.STALE, 0,
                        Optional.empty(), ""));
                continue;
            }
            out.add(new MemberStatus(m.publicKey(), m.name().isEmpty() ? r.name() : m.name(),
                    isFresh(r, now) ? MemberStatus.Status.UP : MemberStatus.Status.STALE,
                    r.loadFee(), Optional.of(Duration.ofMillis(Math.max(0, now - r.reportTime()))),
                    r.address()));
        }
        return out;
    }

    private boolean isFresh(Report r, long now) {
        return r.reportTime() >= now - staleAfterMs;
    }
}
