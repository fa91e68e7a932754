package org.stoxum.engine.ledger;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/**
 * The amendments in force for a ledger (rippled's {@code Rules}): those listed in its Amendments object
 * plus any the server presets. Immutable; compare with {@link #equals} to see whether rules changed.
 */
public final class Rules {
    /** No amendment enabled: the rules of a ledger without an Amendments object and no presets. */
    public static final Rules NONE = new Rules(Set.of());

    private final Set<Hash256> enabled;

    private Rules(Set<Hash256> enabled) {
        this.enabled = enabled;
    }

    /** Rules enabling exactly {@code ids}. */
    public static Rules of(Set<Hash256> ids) {
        return new Rules(Set.copyOf(ids));
    }

    /** The rules of a ledger whose Amendments object is {@code amendmentsSle} (null: none), plus presets. */
    public static Rules fromLedger(STObject amendmentsSle, Set<Hash256> presets) {
        if (amendmentsSle == null || !amendmentsSle.isPresent(SField.AMENDMENTS)) {
            return presets.isEmpty() ? NONE : of(presets);
        }
        Set<Hash256> s = new HashSet<>(presets);
        s.addAll(amendmentsSle.getVector256(SField.AMENDMENTS));
        return new Rules(Collections.unmodifiableSet(s));
    }

    /** True when the amendment {@code id} is in force. */
    public boolean enabled(Hash256 id) {
        return enabled.contains(id);
    }

    /** The ids in force. */
    public Set<Hash256> enabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rules r && r.enabled.equals(enabled);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode();
    }

    @Override
    public String toString() {
        return "Rules" + enabled;
    }
}
