package org.stoxum.engine.consensus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * The quorum and trusted set a server uses for a round (stoxumd's {@code ValidatorList::onConsensusStart}
 * and {@code calculateMinimumQuorum}), as a pure function of its inputs.
 *
 * <p>The minimum quorum keeps two servers that use the same lists from both fully validating different
 * ledgers: with n listed keys it is a simple majority for tiny networks and otherwise more than two thirds,
 * so any two quorums overlap in more than a third. {@code --quorum} ({@code minimumQuorum}) replaces the
 * computed quorum only while fewer validators are seen than it demands; that is unsafe and exists to let a
 * network boot or limp on.
 */
public final class ValidatorQuorum {
    /** With fewer listed keys than this, every listed key is trusted whether or not we see it. */
    public static final int MINIMUM_RESIZEABLE_UNL = 25;
    /** With more eligible keys than this, the quorum is pushed toward 80 % of the trusted set. */
    public static final int BYZANTINE_THRESHOLD = 32;
    /** Up to this many listed keys, a simple majority suffices (to bootstrap small networks). */
    public static final int SMALL_NETWORK = 6;
    /** The quorum meaning "nothing can validate" (a configured publisher list is unavailable). */
    public static final int UNREACHABLE = Integer.MAX_VALUE;
    /** The quorum before the first round when no {@code --quorum} is given. */
    public static final int GENESIS_QUORUM = 1;

    private ValidatorQuorum() {
    }

    /**
     * The minimum quorum for {@code listed} keys (our own key included when we validate).
     *
     * @param unlistedLocal whether we validate with a key no publisher list names (counted one extra, so two
     *                      such servers sharing the lists still overlap safely)
     */
    public static int minimumQuorum(int listed, boolean unlistedLocal) {
        if (listed <= SMALL_NETWORK) {
            return listed / 2 + 1;
        }
        int n = unlistedLocal ? listed + 1 : listed;
        return n * 2 / 3 + 1;
    }

    /** The quorum before any round: the {@code --quorum} value, or {@link #GENESIS_QUORUM}. */
    public static int initialQuorum(OptionalInt minimumQuorum) {
        return minimumQuorum.orElse(GENESIS_QUORUM);
    }

    /**
     * Computes the round's quorum and trusted keys.
     *
     * @param listings every listed key with the number of lists naming it (our own key counts once for
     *                 being ours, plus once per publisher list naming it; config {@code [validators]} entries
     *                 count one each); revoked keys already removed
     * @param localKey our validator master key, or null when we do not validate
     * @param seen validators whose validations we currently see
     * @param publisherLists how many lists are configured (config {@code [validators]} counts as one)
     * @param allListsAvailable whether every configured publisher list was fetched and is unexpired
     * @param minimumQuorum the {@code --quorum} override, if given
     * @param random breaks ranking ties among equally listed keys (stoxumd shuffles)
     */
    public static <K> TrustedSet<K> onConsensusStart(Map<K, Integer> listings, K localKey, Set<K> seen,
                                                     int publisherLists, boolean allListsAvailable,
                                                     OptionalInt minimumQuorum, Random random) {
        List<K> keys = new ArrayList<>(listings.keySet());
        Collections.shuffle(keys, random);
        boolean localKeyListed = false;
        List<Ranked<K>> ranked = new ArrayList<>();
        for (K key : keys) {
            int count = listings.get(key);
            if (key.equals(localKey)) {
                localKeyListed = count > 1;
                ranked.add(new Ranked<>(key, Integer.MAX_VALUE));
            } else if (listings.size() < MINIMUM_RESIZEABLE_UNL || seen.isEmpty() || seen.contains(key)) {
                ranked.add(new Ranked<>(key, count));
            }
        }
        int quorum = minimumQuorum(listings.size(), localKey != null && !localKeyListed);
        int size = ranked.size();
        if (ranked.size() > BYZANTINE_THRESHOLD) {
            if (publisherLists == 1 || listings.size() < MINIMUM_RESIZEABLE_UNL) {
                quorum = Math.max(quorum, size - size / 5);
            } else {
                size = (int) (quorum * 1.25);
            }
        }
        if (minimumQuorum.isPresent() && seen.size() < quorum) {
            quorum = minimumQuorum.getAsInt();
        } else if (!allListsAvailable) {
            quorum = UNREACHABLE;
        }
        // Highest listing count first; among equals, the later-shuffled first (as a reversed multimap).
        List<Ranked<K>> order = new ArrayList<>(ranked);
        Collections.reverse(order);
        order.sort((a, b) -> Integer.compare(b.count, a.count));
        Set<K> trusted = new LinkedHashSet<>();
        for (Ranked<K> r : order) {
            if (trusted.size() >= size) {
                break;
            }
            trusted.add(r.key);
        }
        return new TrustedSet<>(quorum, Collections.unmodifiableSet(trusted));
    }

    /**
     * A round's quorum and trusted keys.
     *
     * @param quorum trusted validations a ledger needs to be fully validated
     * @param trusted the keys whose validations and proposals count
     */
    public record TrustedSet<K>(int quorum, Set<K> trusted) {
        public TrustedSet {
            Objects.requireNonNull(trusted);
        }
    }

    private record Ranked<K>(K key, int count) {
    }
}
