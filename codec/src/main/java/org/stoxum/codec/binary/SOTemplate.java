package org.stoxum.codec.binary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an object of some kind may, must, or must not explicitly default (rippled's SOTemplate):
 * a transaction type, a ledger entry type, or an inner object such as Signer.
 *
 * <p>{@link #check(STObject)} applies the same rules as rippled's {@code STObject::setType}: a required
 * field missing, a field outside the template (other than a JSON-only one), a repeated field, or a
 * {@link Style#DEFAULT} field present with its default value each make the object invalid.
 */
public final class SOTemplate {
    /** How a template holds a field ({@code SOE_REQUIRED}, {@code SOE_OPTIONAL}, {@code SOE_DEFAULT}). */
    public enum Style {
        /** Must be present; a new object gets it with its default value. */
        REQUIRED,
        /** May be present. */
        OPTIONAL,
        /** May be present, but never with its default value (only Payment.Paths uses this). */
        DEFAULT
    }

    /** One field of a template. */
    public record Element(SField field, Style style) {
    }

    private final String name;
    private final List<Element> elements;
    private final Map<SField, Style> styles = new HashMap<>();

    SOTemplate(String name, List<Element> elements) {
        this.name = name;
        this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
        for (Element e : elements) {
            if (styles.put(e.field(), e.style()) != null) {
                throw new IllegalArgumentException("template " + name + " lists " + e.field() + " twice");
            }
        }
    }

    /** The name of the format (transaction type, ledger entry type or inner object). */
    public String name() {
        return name;
    }

    /** The elements in the order the C++ declares them (common fields first). */
    public List<Element> elements() {
        return elements;
    }

    /** How the template holds {@code field}, or null when the field is not part of it. */
    public Style style(SField field) {
        return styles.get(field);
    }

    public boolean contains(SField field) {
        return styles.containsKey(field);
    }

    /** Checks {@code object} against this template without changing it. */
    public TemplateResult check(STObject object) {
        List<SField> missing = new ArrayList<>();
        List<SField> unexpected = new ArrayList<>();
        List<SField> duplicated = new ArrayList<>();
        List<SField> explicitDefault = new ArrayList<>();
        SField previous = null;
        for (int i = 0; i < object.fieldCount(); i++) {
            SField f = object.fieldAt(i);
            if (f == previous) {
                if (duplicated.isEmpty() || duplicated.get(duplicated.size() - 1) != f) {
                    duplicated.add(f);
                }
                continue;
            }
            previous = f;
            Style s = styles.get(f);
            if (s == null) {
                if (!f.isDiscardable()) {
                    unexpected.add(f);
                }
            } else if (s == Style.DEFAULT && STValues.isDefault(f.type(), object.valueAt(i))) {
                explicitDefault.add(f);
            }
        }
        for (Element e : elements) {
            if (e.style() == Style.REQUIRED && !object.isPresent(e.field())) {
                missing.add(e.field());
            }
        }
        return new TemplateResult(name, missing, unexpected, duplicated, explicitDefault);
    }

    @Override
    public String toString() {
        return "SOTemplate[" + name + "]";
    }
}
