package org.stoxum.codec.binary;

import java.util.List;

/**
 * What {@link SOTemplate#check} found wrong with an object; empty lists mean the object fits.
 *
 * <p>The engine maps a failed transaction template to temMALFORMED (or to a rejection before that), and
 * a failed ledger-entry template to a corrupt-ledger error, as stoxumd does.
 */
public record TemplateResult(String template, List<SField> missing, List<SField> unexpected,
                             List<SField> duplicated, List<SField> explicitDefault) {

    public TemplateResult {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        duplicated = List.copyOf(duplicated);
        explicitDefault = List.copyOf(explicitDefault);
    }

    /** True when the object fits the template. */
    public boolean ok() {
        return missing.isEmpty() && unexpected.isEmpty() && duplicated.isEmpty() && explicitDefault.isEmpty();
    }

    /** One line naming every problem, for logs and error messages. */
    public String describe() {
        if (ok()) {
            return template + ": fits";
        }
        StringBuilder sb = new StringBuilder(template).append(':');
        append(sb, "missing", missing);
        append(sb, "unexpected", unexpected);
        append(sb, "duplicated", duplicated);
        append(sb, "explicit default", explicitDefault);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, List<SField> fields) {
        if (!fields.isEmpty()) {
            sb.append(' ').append(what).append(' ').append(fields);
        }
    }
}
