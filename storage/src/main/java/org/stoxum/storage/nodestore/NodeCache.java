package org.stoxum.storage.nodestore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.shamap.SHAMapTreeNode;

/**
 * The most recently read nodes, already parsed and hash-checked, bounded by count.
 *
 * <p>It holds templates, never nodes handed to a tree: a tree attaches loaded children to its inner
 * nodes, and a cached inner node must not pin subtrees. The store hands out {@code freshCopy()} of inner
 * nodes and leaves as they are (leaves have no children and never change).
 *
 * <p>Sixteen independently locked LRU segments keep readers on different nodes from contending.
 */
final class NodeCache {
    private static final int SEGMENTS = 16;
    private final Segment[] segments = new Segment[SEGMENTS];

    NodeCache(int capacity) {
        int perSegment = (capacity + SEGMENTS - 1) / SEGMENTS;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment);
        }
    }

    SHAMapTreeNode get(Hash256 hash) {
        Segment s = segment(hash);
        synchronized (s) {
            return s.get(hash);
        }
    }

    void put(Hash256 hash, SHAMapTreeNode template) {
        Segment s = segment(hash);
        synchronized (s) {
            s.put(hash, template);
        }
    }

    private Segment segment(Hash256 hash) {
        return segments[hash.byteAt(31) & (SEGMENTS - 1)];
    }

    private static final class Segment extends LinkedHashMap<Hash256, SHAMapTreeNode> {
        private final int capacity;

        Segment(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, SHAMapTreeNode> eldest) {
            return size() > capacity;
        }
    }
}
