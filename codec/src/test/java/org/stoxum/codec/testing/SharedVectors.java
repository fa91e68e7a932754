package org.stoxum.codec.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates {@code ../shared} (conformance vectors, oracle answers, specs) for tests.
 *
 * <p>The location comes from the {@code stoxum.shared} system property that the build sets, or else
 * is searched upwards from the working directory. A missing folder fails the test: a conformance suite
 * that silently skips proves nothing.
 */
public final class SharedVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SharedVectors() {
    }

    /** The shared folder; throws {@link AssertionError} if it cannot be found. */
    public static Path shared() {
        String prop = System.getProperty("stoxum.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop, "vectors"))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("vectors"))) {
                return candidate.normalize();
            }
        }
        throw new AssertionError("../shared (with vectors/) not found beside the checkout; "
                + "conformance tests need it (set -Dstoxum.shared=DIR to point elsewhere)");
    }

    /** A file under {@code shared/vectors}; fails if absent. */
    public static Path vector(String relative) {
        Path p = shared().resolve("vectors").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing conformance vector file " + p);
        }
        return p;
    }

    /** Parses a JSON file under {@code shared/vectors}. */
    public static JsonNode json(String relative) {
        return readJson(vector(relative));
    }

    /** Parses any JSON file. */
    public static JsonNode readJson(Path p) {
        try {
            return MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
