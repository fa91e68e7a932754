package org.stoxum.codec.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled stoxumd field and format table ({@code definitions.json}), read once.
 *
 * <p>The file is a copy of the project's specification table, so the codec and the specification cannot
 * drift apart silently: field codes, flags and templates all come from it, and the Java constants that
 * name fields are checked against it when {@link SField} loads.
 */
final class Definitions {
    static final String RESOURCE = "definitions.json";

    private static final JsonNode ROOT = load();

    private Definitions() {
    }

    static JsonNode root() {
        return ROOT;
    }

    static JsonNode section(String name) {
        JsonNode n = ROOT.get(name);
        if (n == null) {
            throw new IllegalStateException("bundled " + RESOURCE + " lacks section " + name);
        }
        return n;
    }

    private static JsonNode load() {
        try (InputStream in = Definitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing beside " + Definitions.class);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + RESOURCE, e);
        }
    }
}
