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
    /** Indexed by code: the codes are small, and a table is the cheapest lookup on every parse. */
    private final Object[] byCode;
    private final Map<String, E> byName = new HashMap<>();

    CodedNames(E[] values, ToIntFunction<E> code, Function<E, String> name) {
        int max = -1;
        for (E e : values) {
            int c = code.applyAsInt(e);
            if (c < 0 || c > 0xFFFF) {
                throw new IllegalArgumentException(e + " has code " + c + ", not a UInt16");
            }
            max = Math.max(max, c);
        }
        byCode = new Object[max + 1];
        for (E e : values) {
            byCode[code.applyAsInt(e)] = e;
            byName.put(name.apply(e), e);
        }
    }

    /** The constant with this code, or null. */
    @SuppressWarnings("unchecked")
    E byCode(int code) {
        return code >= 0 && code < byCode.length ? (E) byCode[code] : null;
    }

    /** The constant with this exact JSON name, or null. */
    E byName(String name) {
        return byName.get(name);
    }
}
