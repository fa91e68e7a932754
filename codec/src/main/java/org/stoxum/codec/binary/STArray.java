package org.stoxum.codec.binary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An array of inner objects (STArray): Memos, Signers, SignerEntries, AffectedNodes, Majorities. Each
 * element is an {@link STObject} that carries its own wrapper name (Memo, Signer, CreatedNode, ...), which
 * is written as the element's field header.
 *
 * <p>Mutable, like the objects it holds; {@link #copy()} is deep.
 */
public final class STArray implements Iterable<STObject> {
    private final ArrayList<STObject> items;

    public STArray() {
        items = new ArrayList<>();
    }

    private STArray(ArrayList<STObject> items) {
        this.items = items;
    }

    /** An array holding {@code objects} (not copied). */
    public static STArray of(List<STObject> objects) {
        STArray a = new STArray(new ArrayList<>(objects.size()));
        for (STObject o : objects) {
            a.add(o);
        }
        return a;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The live element at {@code index}. */
    public STObject get(int index) {
        return items.get(index);
    }

    /**
     * Appends an element (not copied).
     *
     * @throws IllegalArgumentException when the element's name is not an object field (e.g. Generic)
     */
    public STArray add(STObject element) {
        items.add(checked(element));
        return this;
    }

    public STArray set(int index, STObject element) {
        items.set(index, checked(element));
        return this;
    }

    public STObject remove(int index) {
        return items.remove(index);
    }

    public void clear() {
        items.clear();
    }

    /** Sorts the elements in place (AffectedNodes by LedgerIndex, Signers by account, ...). */
    public void sort(Comparator<? super STObject> order) {
        items.sort(order);
    }

    /** The live elements, unmodifiable. */
    public List<STObject> elements() {
        return Collections.unmodifiableList(items);
    }

    public Stream<STObject> stream() {
        return items.stream();
    }

    @Override
    public Iterator<STObject> iterator() {
        return elements().iterator();
    }

    /** A deep copy. */
    public STArray copy() {
        ArrayList<STObject> c = new ArrayList<>(items.size());
        for (STObject o : items) {
            c.add(o.copy());
        }
        return new STArray(c);
    }

    /** Writes each element as header, fields and end marker; the caller writes the array's own F1. */
    void writeTo(Serializer s) {
        for (STObject o : items) {
            s.addFieldHeader(o.name());
            o.writeFields(s, true);
            s.add8(STObject.OBJECT_END);
        }
    }

    private static STObject checked(STObject element) {
        if (element.name().type() != SerializedType.OBJECT || !element.name().isSerialized()) {
            throw new IllegalArgumentException("an array element must be named by an object field, not "
                    + element.name());
        }
        return element;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof STArray a && a.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
