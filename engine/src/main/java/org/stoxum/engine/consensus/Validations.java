package org.stoxum.engine.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.stoxum.codec.types.Hash256;

/**
 * The table of received validations (stoxumd's generic {@code Validations}).
 *
 * <p>It keeps each validator's latest current validation, the validations per ledger (expiring
 * {@link ValidationParms#SET_EXPIRES_MS} after last use), the increasing-sequence rule per validator and for
 * ourselves, and a {@link LedgerTrie} of trusted validators' latest ledgers from which the preferred ledger
 * is read. A trusted validation for a ledger we do not hold yet is parked until the adaptor acquires that
 * ledger; meanwhile the validator's previous ledger keeps its place in the trie.
 *
 * <p>Not thread safe: the owner serializes calls.
 *
 * @param <K> validator key type (master key)
 * @param <V> validation type
 * @param <L> ledger type
 */
public final class Validations<K, V extends Validation<K>, L extends TrieLedger> {
    private final ValidationsAdaptor<V, L> adaptor;
    private final Map<K, V> current = new LinkedHashMap<>();
    private final SeqEnforcer localSeqEnforcer = new SeqEnforcer();
    private final Map<K, SeqEnforcer> seqEnforcers = new HashMap<>();
    private final LinkedHashMap<Hash256, LedgerSet<K, V>> byLedger = new LinkedHashMap<>();
    private final LedgerTrie<L> trie = new LedgerTrie<>();
    private final Map<K, L> lastLedger = new LinkedHashMap<>();
    private final Map<SeqId, Set<K>> acquiring = new LinkedHashMap<>();

    /** A table served by {@code adaptor}. */
    public Validations(ValidationsAdaptor<V, L> adaptor) {
        this.adaptor = Objects.requireNonNull(adaptor);
    }

    /**
     * Whether we may validate sequence {@code s} (and remember it if so): our own increasing-sequence rule.
     */
    public boolean canValidateSeq(long s) {
        return localSeqEnforcer.tryAdvance(adaptor.monotonicMs(), s);
    }

    /**
     * Adds a validation from the validator {@code key}.
     *
     * @param key the validator's master key (may differ from the validation's signing key)
     * @return what became of it
     */
    public ValStatus add(K key, V val) {
        if (!ValidationParms.isCurrent(adaptor.now(), val.signTime(), val.seenTime())) {
            return ValStatus.STALE;
        }
        long nowMs = adaptor.monotonicMs();
        if (!seqEnforcers.computeIfAbsent(key, k -> new SeqEnforcer()).tryAdvance(nowMs, val.seq())) {
            return ValStatus.BAD_SEQ;
        }
        LedgerSet<K, V> set = byLedger.computeIfAbsent(val.ledgerId(), id -> new LedgerSet<>(nowMs));
        V existingForLedger = set.vals.putIfAbsent(key, val);
        if (existingForLedger != null && Objects.equals(existingForLedger.key(), val.key())) {
            return ValStatus.REPEAT_ID;
        }
        V old = current.get(key);
        if (old == null) {
            current.put(key, val);
            if (val.trusted()) {
                updateTrie(key, val, null);
            }
        } else if (val.signTime() > old.signTime()) {
            SeqId prior = new SeqId(old.seq(), old.ledgerId());
            adaptor.onStale(old);
            current.put(key, val);
            if (val.trusted()) {
                updateTrie(key, val, prior);
            }
        } else {
            return ValStatus.STALE;
        }
        return ValStatus.CURRENT;
    }

    /** Drops per-ledger validation sets not used for {@link ValidationParms#SET_EXPIRES_MS}. */
    public void expire() {
        long cutoff = adaptor.monotonicMs() - ValidationParms.SET_EXPIRES_MS;
        byLedger.values().removeIf(s -> s.touchedMs <= cutoff);
    }

    /**
     * The preferred working ledger given ours ({@code curr}): a ledger ahead of ours is preferred; if we are
     * the parent of the preferred ledger we keep ours (we may be about to build it); a ledger at or below
     * our height wins only on another chain.
     *
     * @return the preferred sequence and ID, or (0, zero) when no trusted validation says anything
     */
    public SeqId getPreferred(L curr) {
        flushStale();
        checkAcquired();
        SpanTip preferred = trie.getPreferred(localSeqEnforcer.largest());
        if (preferred.seq() == 0) {
            // No trusted validations in the trie: follow the ledger most trusted validators are acquiring.
            SeqId best = null;
            int bestCount = -1;
            for (Map.Entry<SeqId, Set<K>> e : acquiring.entrySet()) {
                int n = e.getValue().size();
                if (best == null || n > bestCount || (n == bestCount && e.getKey().id().compareTo(best.id()) > 0)) {
                    best = e.getKey();
                    bestCount = n;
                }
            }
            return best != null ? best : new SeqId(preferred.seq(), preferred.id());
        }
        if (preferred.seq() == curr.seq() + 1 && preferred.ancestor(curr.seq()).equals(curr.id())) {
            return new SeqId(curr.seq(), curr.id());
        }
        if (preferred.seq() > curr.seq()) {
            return new SeqId(preferred.seq(), preferred.id());
        }
        if (!curr.ancestor(preferred.seq()).equals(preferred.id())) {
            return new SeqId(preferred.seq(), preferred.id());
        }
        return new SeqId(curr.seq(), curr.id());
    }

    /**
     * The preferred working ledger's ID if its sequence is at least {@code minValidSeq}; otherwise ours.
     */
    public Hash256 getPreferred(L curr, long minValidSeq) {
        SeqId preferred = getPreferred(curr);
        if (preferred.seq() >= minValidSeq && !preferred.id().isZero()) {
            return preferred.id();
        }
        return curr.id();
    }

    /**
     * The last closed ledger to start the next round from: the trusted preferred ledger when there is one
     * (if at least {@code minSeq}), else the ledger most peers report (larger ID on ties), else ours.
     *
     * @param peerCounts peers' reported last closed ledgers with their counts
     */
    public Hash256 getPreferredLcl(L lcl, long minSeq, Map<Hash256, Integer> peerCounts) {
        SeqId preferred = getPreferred(lcl);
        if (!preferred.id().isZero() && preferred.seq() > 0) {
            return preferred.seq() >= minSeq ? preferred.id() : lcl.id();
        }
        Hash256 best = null;
        int bestCount = -1;
        for (Map.Entry<Hash256, Integer> e : peerCounts.entrySet()) {
            if (best == null || e.getValue() > bestCount
                    || (e.getValue() == bestCount && e.getKey().compareTo(best) > 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best != null ? best : lcl.id();
    }

    /**
     * Trusted validators working after {@code ledger}: on its descendants when {@code ledger.id()} is
     * {@code ledgerId}, otherwise those whose latest ledger is a child of {@code ledgerId}.
     */
    public int getNodesAfter(L ledger, Hash256 ledgerId) {
        if (ledger.id().equals(ledgerId)) {
            flushStale();
            checkAcquired();
            return trie.branchSupport(ledger) - trie.tipSupport(ledger);
        }
        int n = 0;
        for (L l : lastLedger.values()) {
            if (l.seq() > 0 && l.ancestor(l.seq() - 1).equals(ledgerId)) {
                n++;
            }
        }
        return n;
    }

    /** The current full validations of trusted validators. */
    public List<V> currentTrusted() {
        List<V> ret = new ArrayList<>();
        forEachCurrent((k, v) -> {
            if (v.trusted() && v.full()) {
                ret.add(v);
            }
        });
        return ret;
    }

    /** The validators with a current validation. */
    public Set<K> getCurrentPublicKeys() {
        Set<K> ret = new LinkedHashSet<>();
        forEachCurrent((k, v) -> ret.add(k));
        return ret;
    }

    /** Trusted full validations held for {@code ledgerId}. */
    public int numTrustedForLedger(Hash256 ledgerId) {
        return getTrustedForLedger(ledgerId).size();
    }

    /** The trusted full validations held for {@code ledgerId}. */
    public List<V> getTrustedForLedger(Hash256 ledgerId) {
        List<V> ret = new ArrayList<>();
        LedgerSet<K, V> set = byLedger.get(ledgerId);
        if (set != null) {
            set.touchedMs = adaptor.monotonicMs();
            for (V v : set.vals.values()) {
                if (v.trusted() && v.full()) {
                    ret.add(v);
                }
            }
        }
        return ret;
    }

    /** The signing times of trusted full validations for {@code ledgerId}. */
    public List<Long> getTrustedValidationTimes(Hash256 ledgerId) {
        return getTrustedForLedger(ledgerId).stream().map(Validation::signTime).toList();
    }

    /** Load fees of trusted full validations for {@code ledgerId}, {@code baseFee} for those without. */
    public List<Long> fees(Hash256 ledgerId, long baseFee) {
        return getTrustedForLedger(ledgerId).stream().map(v -> v.loadFee().orElse(baseFee)).toList();
    }

    /** The trie as JSON (diagnostics). */
    public com.fasterxml.jackson.databind.node.ObjectNode trieJson() {
        return trie.toJson();
    }

    /** Removes and returns every current validation (shutdown). */
    public Map<K, V> flush() {
        Map<K, V> flushed = new LinkedHashMap<>(current);
        current.clear();
        return flushed;
    }

    // ------------------------------------------------------------------ internals

    private void forEachCurrent(BiConsumer<K, V> f) {
        long t = adaptor.now();
        for (Iterator<Map.Entry<K, V>> it = current.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, V> e = it.next();
            V v = e.getValue();
            if (!ValidationParms.isCurrent(t, v.signTime(), v.seenTime())) {
                removeTrie(e.getKey(), v);
                adaptor.onStale(v);
                it.remove();
            } else {
                f.accept(e.getKey(), v);
            }
        }
    }

    private void flushStale() {
        forEachCurrent((k, v) -> { });
    }

    private void removeTrie(K key, V val) {
        SeqId id = new SeqId(val.seq(), val.ledgerId());
        Set<K> waiting = acquiring.get(id);
        if (waiting != null) {
            waiting.remove(key);
            if (waiting.isEmpty()) {
                acquiring.remove(id);
            }
        }
        L last = lastLedger.get(key);
        if (last != null && last.id().equals(val.ledgerId())) {
            trie.remove(last);
            lastLedger.remove(key);
        }
    }

    private void checkAcquired() {
        for (Iterator<Map.Entry<SeqId, Set<K>>> it = acquiring.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SeqId, Set<K>> e = it.next();
            Optional<L> ledger = adaptor.acquire(e.getKey().id());
            if (ledger.isPresent()) {
                for (K key : e.getValue()) {
                    updateTrie(key, ledger.get());
                }
                it.remove();
            }
        }
    }

    private void updateTrie(K key, L ledger) {
        L old = lastLedger.put(key, ledger);
        if (old != null) {
            trie.remove(old);
        }
        trie.insert(ledger);
    }

    private void updateTrie(K key, V val, SeqId prior) {
        if (prior != null) {
            Set<K> waiting = acquiring.get(prior);
            if (waiting != null) {
                waiting.remove(key);
                if (waiting.isEmpty()) {
                    acquiring.remove(prior);
                }
            }
        }
        checkAcquired();
        SeqId valId = new SeqId(val.seq(), val.ledgerId());
        Set<K> waiting = acquiring.get(valId);
        if (waiting != null) {
            waiting.add(key);
        } else {
            Optional<L> ledger = adaptor.acquire(val.ledgerId());
            if (ledger.isPresent()) {
                updateTrie(key, ledger.get());
            } else {
                acquiring.computeIfAbsent(valId, k -> new LinkedHashSet<>()).add(key);
            }
        }
    }

    /** A ledger named by sequence and ID. */
    public record SeqId(long seq, Hash256 id) {
    }

    private static final class LedgerSet<K, V> {
        private final Map<K, V> vals = new LinkedHashMap<>();
        private long touchedMs;

        LedgerSet(long nowMs) {
            touchedMs = nowMs;
        }
    }
}
