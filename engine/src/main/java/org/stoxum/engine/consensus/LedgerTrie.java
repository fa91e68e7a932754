package org.stoxum.engine.consensus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stoxum.codec.types.Hash256;

/**
 * The ancestry of validated ledgers with the validation support of each (stoxumd's {@code LedgerTrie}).
 *
 * <p>A ledger's history reads as a string of IDs indexed by sequence, so histories sharing a prefix share a
 * path in a compressed trie. Each node covers a span of sequences of one history; its <em>tip support</em>
 * counts validators whose latest validation is exactly the span's last ledger, and its <em>branch
 * support</em> adds everything below. A non-root node without tip support always has two or more children.
 *
 * <p>{@link #getPreferred} walks from the root and only steps into a branch when its support beats every
 * rival plus all validators that have not yet validated at that height ("uncommitted" support, which could
 * still go anywhere). That is how the network picks one chain without ever abandoning a chain a quorum may
 * already have fully validated.
 *
 * @param <L> the ledger type
 */
public final class LedgerTrie<L extends TrieLedger> {
    private final Node root = new Node(new Span(TrieLedger.GENESIS));
    /** Tip support summed per sequence. */
    private final TreeMap<Long, Integer> seqSupport = new TreeMap<>();

    /** Adds {@code count} tip support for {@code ledger}. */
    public void insert(L ledger, int count) {
        Found found = find(ledger);
        Node loc = found.node;
        Node incNode = loc;
        Optional<Span> prefix = loc.span.before(found.diffSeq);
        Optional<Span> oldSuffix = loc.span.from(found.diffSeq);
        Optional<Span> newSuffix = new Span(ledger).from(found.diffSeq);

        if (oldSuffix.isPresent()) {
            // loc covers more than the shared prefix: split it, its tail becoming a child.
            Node tail = new Node(oldSuffix.get());
            tail.tipSupport = loc.tipSupport;
            tail.branchSupport = loc.branchSupport;
            tail.children.addAll(loc.children);
            loc.children.clear();
            for (Node c : tail.children) {
                c.parent = tail;
            }
            loc.span = prefix.orElseThrow();
            tail.parent = loc;
            loc.children.add(tail);
            loc.tipSupport = 0;
        }
        if (newSuffix.isPresent()) {
            Node fresh = new Node(newSuffix.get());
            fresh.parent = loc;
            incNode = fresh;
            loc.children.add(fresh);
        }
        incNode.tipSupport += count;
        for (Node n = incNode; n != null; n = n.parent) {
            n.branchSupport += count;
        }
        seqSupport.merge(ledger.seq(), count, Integer::sum);
    }

    /** Adds one tip support for {@code ledger}. */
    public void insert(L ledger) {
        insert(ledger, 1);
    }

    /**
     * Removes up to {@code count} tip support for exactly {@code ledger}, compressing the trie.
     *
     * @return whether the ledger had tip support
     */
    public boolean remove(L ledger, int count) {
        Found found = find(ledger);
        Node loc = found.node;
        if (loc == root || found.diffSeq != loc.span.end() || found.diffSeq <= ledger.seq()
                || loc.tipSupport == 0) {
            return false;
        }
        int n = Math.min(count, loc.tipSupport);
        loc.tipSupport -= n;
        seqSupport.computeIfPresent(ledger.seq(), (k, v) -> v - n == 0 ? null : v - n);
        for (Node d = loc; d != null; d = d.parent) {
            d.branchSupport -= n;
        }
        while (loc.tipSupport == 0 && loc != root) {
            Node parent = loc.parent;
            if (loc.children.isEmpty()) {
                parent.children.remove(loc);
            } else if (loc.children.size() == 1) {
                Node child = loc.children.get(0);
                child.span = Span.merge(loc.span, child.span);
                child.parent = parent;
                parent.children.add(child);
                parent.children.remove(loc);
            } else {
                break;
            }
            loc = parent;
        }
        return true;
    }

    /** Removes one tip support for {@code ledger}. */
    public boolean remove(L ledger) {
        return remove(ledger, 1);
    }

    /** Validators whose latest validation is exactly {@code ledger}. */
    public int tipSupport(L ledger) {
        Found found = find(ledger);
        if (found.diffSeq == found.node.span.end() && found.diffSeq > ledger.seq()) {
            return found.node.tipSupport;
        }
        return 0;
    }

    /** Validators whose latest validation is {@code ledger} or a descendant of it. */
    public int branchSupport(L ledger) {
        Found found = find(ledger);
        if (found.diffSeq > ledger.seq() && ledger.seq() < found.node.span.end()) {
            return found.node.branchSupport;
        }
        return 0;
    }

    /**
     * The preferred ledger: the deepest ledger whose branch support can no longer be overtaken by any rival
     * at its height, given the uncommitted support.
     *
     * @param largestIssued the highest sequence we validated ourselves; validators below it count as
     *                      uncommitted, since their next validation may not have reached us yet
     */
    public SpanTip getPreferred(long largestIssued) {
        Node curr = root;
        int uncommitted = 0;
        Iterator<Map.Entry<Long, Integer>> uncommittedIt = seqSupport.entrySet().iterator();
        Map.Entry<Long, Integer> pending = next(uncommittedIt);

        while (true) {
            long nextSeq = curr.span.start() + 1;
            while (pending != null && pending.getKey() < Math.max(nextSeq, largestIssued)) {
                uncommitted += pending.getValue();
                pending = next(uncommittedIt);
            }
            while (nextSeq < curr.span.end() && curr.branchSupport > uncommitted) {
                if (pending != null && pending.getKey() < curr.span.end()) {
                    nextSeq = pending.getKey() + 1;
                    uncommitted += pending.getValue();
                    pending = next(uncommittedIt);
                } else {
                    nextSeq = curr.span.end();
                }
            }
            if (nextSeq < curr.span.end()) {
                return curr.span.before(nextSeq).orElseThrow().tip();
            }

            Node best = null;
            int margin = 0;
            if (curr.children.size() == 1) {
                best = curr.children.get(0);
                margin = best.branchSupport;
            } else if (!curr.children.isEmpty()) {
                Node first = null;
                Node second = null;
                for (Node c : curr.children) {
                    if (first == null || beats(c, first)) {
                        second = first;
                        first = c;
                    } else if (second == null || beats(c, second)) {
                        second = c;
                    }
                }
                best = first;
                margin = first.branchSupport - second.branchSupport;
                // The runner-up needs one more vote to overcome the tie-breaker.
                if (first.span.startId().compareTo(second.span.startId()) > 0) {
                    margin++;
                }
            }
            if (best != null && (margin > uncommitted || uncommitted == 0)) {
                curr = best;
            } else {
                return curr.span.tip();
            }
        }
    }

    private static boolean beats(Node a, Node b) {
        if (a.branchSupport != b.branchSupport) {
            return a.branchSupport > b.branchSupport;
        }
        return a.span.startId().compareTo(b.span.startId()) > 0;
    }

    private static <E> E next(Iterator<E> it) {
        return it.hasNext() ? it.next() : null;
    }

    /** Whether the compression and support invariants hold (for tests). */
    public boolean checkInvariants() {
        Map<Long, Integer> expected = new TreeMap<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node curr = todo.pop();
            if (curr != root && curr.tipSupport == 0 && curr.children.size() < 2) {
                return false;
            }
            int support = curr.tipSupport;
            if (curr.tipSupport != 0) {
                expected.merge(curr.span.end() - 1, curr.tipSupport, Integer::sum);
            }
            for (Node child : curr.children) {
                if (child.parent != curr) {
                    return false;
                }
                support += child.branchSupport;
                todo.push(child);
            }
            if (support != curr.branchSupport) {
                return false;
            }
        }
        return expected.equals(seqSupport);
    }

    /** Whether nothing has support. */
    public boolean isEmpty() {
        return root.branchSupport == 0;
    }

    /** The trie as nested JSON (for diagnostics). */
    public ObjectNode toJson() {
        return root.toJson();
    }

    private Found find(TrieLedger ledger) {
        Node curr = root;
        long pos = curr.span.diff(ledger);
        boolean done = false;
        while (!done && pos == curr.span.end()) {
            done = true;
            for (Node child : curr.children) {
                long childPos = child.span.diff(ledger);
                if (childPos > pos) {
                    done = false;
                    pos = childPos;
                    curr = child;
                    break;
                }
            }
        }
        return new Found(curr, pos);
    }

    private record Found(Node node, long diffSeq) {
    }

    /** The half-open sequence range [start, end) of one ledger's history. */
    private static final class Span {
        private final long start;
        private final long end;
        private final TrieLedger ledger;

        Span(TrieLedger ledger) {
            this(0, ledger.seq() + 1, ledger);
        }

        private Span(long start, long end, TrieLedger ledger) {
            this.start = start;
            this.end = end;
            this.ledger = ledger;
        }

        long start() {
            return start;
        }

        long end() {
            return end;
        }

        Optional<Span> from(long spot) {
            return sub(spot, end);
        }

        Optional<Span> before(long spot) {
            return sub(start, spot);
        }

        Hash256 startId() {
            return ledger.ancestor(start);
        }

        long diff(TrieLedger other) {
            return clamp(TrieLedger.mismatch(ledger, other));
        }

        SpanTip tip() {
            long tipSeq = end - 1;
            return new SpanTip(tipSeq, ledger.ancestor(tipSeq), ledger);
        }

        private long clamp(long v) {
            return Math.min(Math.max(start, v), end);
        }

        private Optional<Span> sub(long from, long to) {
            long f = clamp(from);
            long t = clamp(to);
            return f < t ? Optional.of(new Span(f, t, ledger)) : Optional.empty();
        }

        /** The union of two adjacent spans, keeping the history of the higher one. */
        static Span merge(Span a, Span b) {
            if (a.end < b.end) {
                return new Span(Math.min(a.start, b.start), b.end, b.ledger);
            }
            return new Span(Math.min(a.start, b.start), a.end, a.ledger);
        }
    }

    private static final class Node {
        private Span span;
        private int tipSupport;
        private int branchSupport;
        private final List<Node> children = new ArrayList<>();
        private Node parent;

        Node(Span span) {
            this.span = span;
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            SpanTip tip = span.tip();
            o.put("id", tip.id().toString());
            o.put("seq", tip.seq());
            o.put("tipSupport", tipSupport);
            o.put("branchSupport", branchSupport);
            if (!children.isEmpty()) {
                ArrayNode cs = o.putArray("children");
                children.forEach(c -> cs.add(c.toJson()));
            }
            return o;
        }
    }
}
