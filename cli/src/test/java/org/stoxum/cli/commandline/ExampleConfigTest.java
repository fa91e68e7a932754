package org.stoxum.cli.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;
import org.stoxum.engine.config.NodeSize;

/** The example config we ship is a config the server accepts as it stands, without warnings. */
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
}
