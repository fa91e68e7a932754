package org.stoxum.engine.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The answer to {@code GET /health}: the worst level any check reached, and the failing checks with the
 * values that failed them (empty when healthy), as rippled 1.6 and later answer it.
 */
public record HealthReport(Level level, ObjectNode info) {

    /** Health levels, best first, with the HTTP status each answers. */
    public enum Level {
        HEALTHY(200),
        WARNING(503),
        CRITICAL(500);

        private final int httpStatus;

        Level(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The worse of the two. */
        Level worst(Level other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    public HealthReport {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(info, "info");
    }

    /** A healthy report with nothing to say. */
    public static HealthReport healthy() {
        return new HealthReport(Level.HEALTHY, JsonNodeFactory.instance.objectNode());
    }

    /** The response body: {@code {"info": {...}}}. */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("info", info.deepCopy());
        return body;
    }
}
