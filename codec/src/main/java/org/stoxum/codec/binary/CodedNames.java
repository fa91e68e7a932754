package org.stoxum.codec.binary;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Lookup of the protocol's numbered, named constants (transaction types, ledger entry types) by their
 * wire code and by their JSON name, built once from the enum's values.
 */
final class CodedNames<E> {
    private final Map<Integer, E> byCode = new HashMap<>();
    private final Map<String, E> byName = new HashMap<>();

    CodedNames(E[] values, ToIntFunction<E> code, Function<E, String> name) {
        for (E e : values) {
            byCode.put(code.applyAsInt(e), e);
            byName.put(name.apply(e), e);
        }
    }

    /** The constant with this code, or null. */
    E byCode(int code) {
        return byCode.get(code);
    }

    /** The constant with this exact JSON name, or null. */
    E byName(String name) {
        return byName.get(name);
    }
}
