package org.stoxum.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.cli.Main;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;

/** The distribution tree in cli/target and its tarball: what is in them, their modes, and that they run. */
class DistributionTreeIT {
    private static final Path TREE = BuiltDistribution.tree();

    /** Every file of the tree that is not a jar, with its mode. */
    private static final Map<String, String> FILES = Map.of(
            "bin/stoxumd", "rwxr-xr-x",
            "bin/validator-keys", "rwxr-xr-x",
            "libexec/stoxum-java", "rwxr-xr-x",
            "etc/stoxumd.cfg", "rw-r--r--",
            "etc/jvm.options", "rw-r--r--",
            "etc/logrotate.d/stoxumd", "rw-r--r--",
            "lib/systemd/system/stoxumd.service", "rw-r--r--");

    /** Relative path (directories end in /) to mode, for every entry under the tree. */
    private static Map<String, String> treeEntries() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(TREE)) {
            for (Path p : (Iterable<Path>) walk.skip(1)::iterator) {
                String name = TREE.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                entries.put(name, BuiltDistribution.mode(p));
            }
        }
        return entries;
    }

    @Test
    void theTreeHasItsFilesWithTheirModesAndNothingWritableByOthers() throws IOException {
        Map<String, String> entries = treeEntries();
        FILES.forEach((file, mode) -> assertEquals(mode, entries.get(file), file));
        entries.forEach((name, mode) -> {
            if (name.endsWith("/")) {
                assertEquals("rwxr-xr-x", mode, name);
            } else if (name.startsWith("lib/") && name.endsWith(".jar")) {
                assertEquals("rw-r--r--", mode, name);
            } else {
                assertTrue(FILES.containsKey(name), "a file the distribution should not have: " + name);
            }
        });
    }

    @Test
    void libHoldsTheCliJarAndEveryRuntimeJarAndNothingElse() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        expected.add(BuiltDistribution.cliJar().getFileName().toString());
        for (Path jar : BuiltDistribution.runtimeClasspath()) {
            expected.add(jar.getFileName().toString());
        }
        TreeSet<String> jars;
        try (Stream<Path> files = Files.list(TREE.resolve("lib"))) {
            jars = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, jars);
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("engine-")), "the engine jar is missing");
    }

    @Test
    void theTarballHoldsExactlyTheTreeOwnedByRootWithTheSameModes() throws Exception {
        String listing = BuiltDistribution.output(BuiltDistribution.BUILD_DIR, "tar", "-tvzf",
                BuiltDistribution.tarball().toString());
        String prefix = TREE.getFileName() + "/";
        Map<String, String> inTar = new TreeMap<>();
        for (String line : listing.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            String name = f[f.length - 1];
            assertEquals("root/root", f[1], "owner of " + name);
            if (!name.equals(prefix)) {
                assertTrue(name.startsWith(prefix), name + " is outside " + prefix);
                inTar.put(name.substring(prefix.length()), f[0].substring(1));
            }
        }
        assertEquals(treeEntries(), inTar);
    }

    @Test
    void theConfigIsTheDocumentedExamplePointedAtThePackagedDirectories() throws IOException {
        Path cfg = TREE.resolve("etc/stoxumd.cfg");
        String text = Files.readString(cfg);
        NodeConfig config = NodeConfigLoader.parse(cfg.toString(), text, Optional.of(cfg), cfg.getParent(),
                Path.of("/nonexistent"), false);
        assertEquals(Path.of("/var/opt/stoxum/db/lmdb"), config.nodeDb().path());
        assertEquals(Optional.of(Path.of("/var/opt/stoxum/db")), config.databasePath());
        assertEquals(Optional.of(Path.of("/var/log/stoxum/debug.log")), config.debugLogfile());
        assertFalse(text.contains("/var/lib/stoxumd"), "a path of the example survived");
        assertFalse(text.contains("/var/log/stoxumd"), "a path of the example survived");

        // Every section the example documents, set or commented out, is still documented.
        String example = Files.readString(
                BuiltDistribution.BUILD_DIR.resolve("classes/stoxumd-example.cfg"));
        assertEquals(sections(example), sections(text));
        assertTrue(sections(text).size() > 40, "the example documents every section: " + sections(text));
    }

    /** Section names in headers, including commented-out ones ({@code #[ips_fixed]}). */
    private static List<String> sections(String cfg) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^#?\\[([a-z0-9_]+)\\]\\s*$").matcher(cfg);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theUnpackedTarballRunsBothCommandsFromAnyDirectoryAndThroughSymbolicLinks(@TempDir Path dir)
            throws Exception {
        BuiltDistribution.output(dir, "tar", "-xzf", BuiltDistribution.tarball().toString());
        Path home = dir.resolve(TREE.getFileName());
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));

        BuiltDistribution.Result version = BuiltDistribution.run(elsewhere, BuiltDistribution.javaHome(),
                home.resolve("bin/stoxumd").toString(), "--version");
        assertEquals(0, version.status(), version.output());
        assertTrue(version.output().contains("version " + Main.VERSION), version.output());

        Path link = Files.createSymbolicLink(elsewhere.resolve("validator-keys"), home.resolve("bin/validator-keys"));
        Path keyFile = dir.resolve("keys/validator-keys.json");
        BuiltDistribution.Result keys = BuiltDistribution.run(elsewhere, BuiltDistribution.javaHome(),
                link.toString(), "--keyfile", keyFile.toString(), "create_keys");
        assertEquals(0, keys.status(), keys.output());
        assertTrue(Files.readString(keyFile).contains("\"secret_key\""), "validator-keys wrote no key file");
    }

    @Test
    void jvmOptionsComeFromTheOptionsFileOneALineThenFromTheEnvironment(@TempDir Path dir) throws Exception {
        BuiltDistribution.output(dir, "tar", "-xzf", BuiltDistribution.tarball().toString());
        Path home = dir.resolve(TREE.getFileName());
        Files.writeString(home.resolve("etc/jvm.options"), String.join("\n",
                "# a comment",
                "",
                "  -Dstoxum.probe.file=two words  ",
                "-XshowSettings:properties"));
        // -version, last, makes the JVM print its settings and stop before the main class.
        BuiltDistribution.Result r = BuiltDistribution.run(dir, Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "STOXUMD_JAVA_OPTS", "-Dstoxum.probe.env=yes -Dstoxum.probe.file=overridden -version"),
                home.resolve("bin/stoxumd").toString());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("stoxum.probe.file = overridden"), r.output());
        assertTrue(r.output().contains("stoxum.probe.env = yes"), r.output());

        BuiltDistribution.Result fileOnly = BuiltDistribution.run(dir, Map.of(
                "JAVA_HOME", System.getProperty("java.home"), "STOXUMD_JAVA_OPTS", "-version"),
                home.resolve("bin/stoxumd").toString());
        assertEquals(0, fileOnly.status(), fileOnly.output());
        assertTrue(fileOnly.output().contains("stoxum.probe.file = two words"), fileOnly.output());
    }
}
