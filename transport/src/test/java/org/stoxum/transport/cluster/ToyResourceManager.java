package org.stoxum.transport.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of a resource manager to show gossip at work: local balances (no decay) plus the remote
 * balances the cluster imports, and stoxumd's drop threshold.
 */
final class ToyResourceManager {
    static final long DROP_THRESHOLD = 15_000;

    private final Map<String, Long> local = new ConcurrentHashMap<>();
    private final Map<String, Long> remote = new ConcurrentHashMap<>();

    void charge(String address, long units) {
        local.merge(address, units, Long::sum);
    }

    void forgive(String address) {
        local.remove(address);
    }

    long balance(String address) {
        return local.getOrDefault(address, 0L) + remote.getOrDefault(address, 0L);
    }

    long remoteBalance(String address) {
        return remote.getOrDefault(address, 0L);
    }

    boolean refuses(String address) {
        return balance(address) >= DROP_THRESHOLD;
    }

    /** What stoxumd's {@code exportConsumers} gives: local balances (the cluster keeps those >= 1000). */
    List<LoadSource> export() {
        List<LoadSource> out = new ArrayList<>();
        local.forEach((address, balance) -> out.add(new LoadSource(address, balance)));
        return out;
    }

    void applyRemote(String address, long delta) {
        remote.merge(address, delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
