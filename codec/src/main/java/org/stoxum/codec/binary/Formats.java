package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Builds templates from the format sections of the bundled definitions.json. */
final class Formats {
    private Formats() {
    }

    /** The template named {@code name} in {@code section}, with that section's common fields first. */
    static SOTemplate fromDefinitions(String section, String name) {
        JsonNode formats = Definitions.section(section);
        JsonNode specific = formats.get(name);
        if (specific == null) {
            throw new IllegalStateException("definitions.json " + section + " lacks " + name);
        }
        List<SOTemplate.Element> elements = new ArrayList<>();
        addAll(elements, formats.get("common"), section);
        addAll(elements, specific, section);
        return new SOTemplate(name, elements);
    }

    private static void addAll(List<SOTemplate.Element> out, JsonNode list, String section) {
        for (JsonNode e : list) {
            String fieldName = e.get("name").asText();
            SField f = SField.forName(fieldName);
            if (f == null) {
                throw new IllegalStateException(section + " names unknown field " + fieldName);
            }
            out.add(new SOTemplate.Element(f, SOTemplate.Style.values()[e.get("optionality").asInt()]));
        }
    }
}
