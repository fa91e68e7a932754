package org.stoxum.transport.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stoxum.codec.crypto.PublicKey;

/**
 * Load sources imported from each member (stoxumd's resource {@code Logic} import table), turned into
 * changes of each endpoint's remote balance so the resource manager only has to add them up.
 *
 * <p>A member's report replaces everything it reported before; a pushed charge adds or updates one
 * endpoint. Each imported balance counts until the import expiry after it was last reported, then is
 * taken back. Used by the cluster thread only.
 */
final class ImportTable {
    /** Receives remote balance changes. */
    @FunctionalInterface
    interface BalanceSink {
        void add(String address, long delta);
    }

    private record Item(long balance, long expiresAt) {
    }

    private final long expiryMs;
    private final Map<PublicKey, Map<String, Item>> byOrigin = new HashMap<>();
    private long earliestExpiry = Long.MAX_VALUE;

    ImportTable(Duration expiry) {
        this.expiryMs = expiry.toMillis();
    }

    /** {@code origin}'s full list of load sources: what it no longer lists is taken back. */
    void replace(PublicKey origin, List<LoadSource> sources, long now, BalanceSink sink) {
        Map<String, Item> old = byOrigin.remove(origin);
        Map<String, Item> next = merged(sources, now);
        next.forEach((address, item) -> {
            Item before = old == null ? null : old.remove(address);
            change(sink, address, item.balance - (before == null ? 0 : before.balance));
        });
        if (old != null) {
            old.forEach((address, item) -> change(sink, address, -item.balance));
        }
        keep(origin, next, now);
    }

    /** Some of {@code origin}'s load sources, pushed between reports: the others stay as they are. */
    void upsert(PublicKey origin, List<LoadSource> sources, long now, BalanceSink sink) {
        Map<String, Item> items = byOrigin.computeIfAbsent(origin, k -> new LinkedHashMap<>());
        merged(sources, now).forEach((address, item) -> {
            Item before = items.put(address, item);
            change(sink, address, item.balance - (before == null ? 0 : before.balance));
        });
        earliestExpiry = Math.min(earliestExpiry, now + expiryMs);
    }

    /** Takes back every import older than the expiry. */
    void expire(long now, BalanceSink sink) {
        if (now < earliestExpiry) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (Iterator<Map<String, Item>> origins = byOrigin.values().iterator(); origins.hasNext(); ) {
            Map<String, Item> items = origins.next();
            for (Iterator<Map.Entry<String, Item>> it = items.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Item> e = it.next();
                if (e.getValue().expiresAt <= now) {
                    change(sink, e.getKey(), -e.getValue().balance);
                    it.remove();
                } else {
                    earliest = Math.min(earliest, e.getValue().expiresAt);
                }
            }
            if (items.isEmpty()) {
                origins.remove();
            }
        }
        earliestExpiry = earliest;
    }

    /** Takes back everything (the cluster stops). */
    void clear(BalanceSink sink) {
        byOrigin.values().forEach(items -> items.forEach((address, item) -> change(sink, address, -item.balance)));
        byOrigin.clear();
        earliestExpiry = Long.MAX_VALUE;
    }

    private void keep(PublicKey origin, Map<String, Item> items, long now) {
        if (!items.isEmpty()) {
            byOrigin.put(origin, items);
            earliestExpiry = Math.min(earliestExpiry, now + expiryMs);
        }
    }

    /** One item per address; an address listed twice counts with both balances. */
    private Map<String, Item> merged(List<LoadSource> sources, long now) {
        Map<String, Item> out = new LinkedHashMap<>();
        for (LoadSource s : sources) {
            Item prior = out.get(s.address());
            out.put(s.address(), new Item(s.balance() + (prior == null ? 0 : prior.balance), now + expiryMs));
        }
        return out;
    }

    private static void change(BalanceSink sink, String address, long delta) {
        if (delta != 0) {
            sink.add(address, delta);
        }
    }
}
