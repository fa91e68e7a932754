package org.stoxum.cli.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.config.NodeSize;

/**
 * The example config we ship is a config the server accepts as it stands, without warnings, and documents
 * every section the server reads (as a header, active or commented out) and every section of stoxumd's
 * reference.
 */
class ExampleConfigTest {
    @TempDir
    Path dir;

    private static String example() throws IOException {
        try (InputStream in = ExampleConfigTest.class.getResourceAsStream("/stoxumd-example.cfg")) {
            if (in == null) {
                throw new AssertionError("stoxumd-example.cfg is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExampleLoads() throws IOException {
        for (boolean standalone : List.of(false, true)) {
            NodeConfig c = NodeConfigLoader.parse("stoxumd-example.cfg", example(), Optional.of(dir.resolve("x.cfg")), dir,
                    dir.resolve("db"), standalone);
            assertEquals(List.of(), c.warnings());
            assertEquals(NetworkProfile.STOXUM, c.networkProfile());
            assertEquals(NodeSize.MEDIUM, c.nodeSize());
            assertEquals(2000, c.nodeDb().onlineDelete());
            assertEquals(51232, c.clientPort().orElseThrow().port());
            assertEquals(standalone ? 2 : 3, c.ports().size());
            assertTrue(standalone || c.validators().listSites().equals(List.of(URI.create("https://vl.stoxum.com"))));
        }
    }

    /** Section headers, active ("[name]") or commented out ("#[name]"). */
    private static Set<String> documentedSections(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^#?\\[([A-Za-z0-9_]+)]\\s*$").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everySectionTheLoaderReadsOrToleratesIsDocumented() throws IOException {
        Set<String> documented = documentedSections(example());
        Set<String> missing = new TreeSet<>(NodeConfigLoader.knownSections());
        missing.addAll(NodeConfigLoader.inertSections().keySet());
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "sections the loader knows that the example does not show");
    }

    @Test
    void everySectionOfTheExampleIsOneTheLoaderKnows() throws IOException {
        Set<String> unknown = new TreeSet<>(documentedSections(example()));
        unknown.removeAll(NodeConfigLoader.knownSections());
        unknown.removeAll(NodeConfigLoader.inertSections().keySet());
        unknown.removeIf(name -> name.startsWith("port_"));
        assertEquals(Set.of(), unknown, "example sections the loader would call unknown");
    }

    @Test
    void everySectionOfStoxumdsReferenceIsDocumented() throws IOException {
        String spec = Files.readString(SharedVectors.shared().resolve("spec/node.md"));
        String table = spec.substring(spec.indexOf("### 2.3 Sections"), spec.indexOf("### 2.4"));
        Set<String> reference = new TreeSet<>();
        for (String row : table.split("\n")) {
            if (row.startsWith("| `[")) {
                Matcher m = Pattern.compile("`\\[([a-z_]+)]`").matcher(row.split("\\|")[1]);
                while (m.find()) {
                    reference.add(m.group(1));
                }
            }
        }
        assertTrue(reference.size() > 40, "the reference's section table was not found: " + reference);
        reference.removeAll(documentedSections(example()));
        assertEquals(Set.of(), reference, "sections of node.md the example does not show");
    }
}
