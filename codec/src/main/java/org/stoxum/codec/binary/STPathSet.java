package org.stoxum.codec.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * The alternative paths of a Payment (PathSet, type 18): an immutable list of paths, each a non-empty
 * list of {@link STPathElement}s.
 *
 * <p>On the wire each element is its type byte and parts; 0xFF separates paths and 0x00 ends the set.
 * A set read from the wire is never empty; an empty set (JSON {@code []}) is the field's default value,
 * which Payment's template forbids writing explicitly.
 */
public final class STPathSet {
    /** The empty set. */
    public static final STPathSet EMPTY = new STPathSet(List.of());

    private final List<List<STPathElement>> paths;

    private STPathSet(List<List<STPathElement>> paths) {
        this.paths = paths;
    }

    /** A set of copies of {@code paths}. */
    public static STPathSet of(List<? extends List<STPathElement>> paths) {
        List<List<STPathElement>> copy = new ArrayList<>(paths.size());
        for (List<STPathElement> p : paths) {
            copy.add(List.copyOf(p));
        }
        return new STPathSet(List.copyOf(copy));
    }

    /** The paths; unmodifiable. */
    public List<List<STPathElement>> paths() {
        return paths;
    }

    public int size() {
        return paths.size();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    void writeTo(Serializer s) {
        boolean first = true;
        for (List<STPathElement> path : paths) {
            if (!first) {
                s.add8(STPathElement.BOUNDARY);
            }
            for (STPathElement e : path) {
                e.writeTo(s);
            }
            first = false;
        }
        s.add8(STPathElement.END);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof STPathSet p && p.paths.equals(paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return "STPathSet" + paths;
    }
}
