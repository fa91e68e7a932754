package org.stoxum.cli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb built from the distribution: control fields, file list with owners, modes and links, conffiles
 * and maintainer scripts, read with dpkg-deb (nothing is installed).
 */
class DebianPackageIT {
    private static final Path DEB = BuiltDistribution.debFile();

    /** Files outside /opt/stoxum/lib (jars), with their modes; links as "-> target". */
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("./opt/stoxum/bin/stoxumd", "-rwxr-xr-x"),
            Map.entry("./opt/stoxum/bin/validator-keys", "-rwxr-xr-x"),
            Map.entry("./opt/stoxum/libexec/stoxum-java", "-rwxr-xr-x"),
            Map.entry("./opt/stoxum/etc/stoxumd.cfg", "-rw-r--r--"),
            Map.entry("./opt/stoxum/etc/jvm.options", "-rw-r--r--"),
            Map.entry("./lib/systemd/system/stoxumd.service", "-rw-r--r--"),
            Map.entry("./etc/logrotate.d/stoxumd", "-rw-r--r--"),
            Map.entry("./etc/opt/stoxum/stoxumd.cfg", "-> /opt/stoxum/etc/stoxumd.cfg"),
            Map.entry("./usr/bin/stoxumd", "-> /opt/stoxum/bin/stoxumd"),
            Map.entry("./usr/bin/validator-keys", "-> /opt/stoxum/bin/validator-keys"));

    private static final List<String> CONFFILES = List.of(
            "/opt/stoxum/etc/stoxumd.cfg", "/opt/stoxum/etc/jvm.options", "/etc/logrotate.d/stoxumd");

    private static final List<String> SCRIPTS = List.of("postinst", "prerm", "postrm");

    @BeforeAll
    static void theBuildMadeAPackageWhereDpkgDebExists() {
        if (Files.isExecutable(BuiltDistribution.DPKG_DEB)) {
            assertTrue(Files.isRegularFile(DEB), "dpkg-deb is installed but the build made no " + DEB);
        }
        assumeTrue(Files.isRegularFile(DEB),
                "no dpkg-deb on this machine, so no .deb was built");
    }

    private static String field(String name) throws Exception {
        return BuiltDistribution.output(BuiltDistribution.BUILD_DIR, "dpkg-deb", "--field", DEB.toString(), name)
                .strip();
    }

    @Test
    void controlNamesThePackageItsVersionAndAJava17Runtime() throws Exception {
        assertEquals("stoxumd", field("Package"));
        assertEquals(BuiltDistribution.debianVersion(), field("Version"));
        assertEquals("all", field("Architecture"));
        assertEquals("net", field("Section"));
        String depends = field("Depends");
        assertTrue(depends.matches(".*\\bjava17-runtime-headless\\b.*"), depends);
        assertTrue(depends.matches(".*default-jre-headless \\(>= 2:1\\.17\\).*"), depends);
        assertTrue(depends.matches(".*\\badduser\\b.*"), "postinst runs adduser: " + depends);
        long installedKb = Long.parseLong(field("Installed-Size"));
        long jarsKb = 0;
        try (Stream<Path> jars = Files.list(BuiltDistribution.tree().resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars.filter(Files::isRegularFile)::iterator) {
                jarsKb += Files.size(jar) / 1024;
            }
        }
        assertTrue(installedKb >= jarsKb, "Installed-Size " + installedKb + " KiB < the jars' " + jarsKb);
    }

    /** Path to mode, or to "-> target" for a link, for every entry of the data archive. */
    private static Map<String, String> contents() throws Exception {
        Map<String, String> entries = new TreeMap<>();
        for (String line : BuiltDistribution.output(BuiltDistribution.BUILD_DIR, "dpkg-deb", "--contents",
                DEB.toString()).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            assertEquals("root/root", f[1], line);
            int arrow = List.of(f).indexOf("->");
            String name = arrow < 0 ? f[f.length - 1] : f[arrow - 1];
            entries.put(name, arrow < 0 ? f[0] : "-> " + f[arrow + 1]);
        }
        return entries;
    }

    @Test
    void theFilesGoUnderOptStoxumAndTheSystemDirectoriesOwnedByRoot() throws Exception {
        Map<String, String> entries = contents();
        FILES.forEach((file, mode) -> assertEquals(mode, entries.get(file), file));
        List<String> jars = new ArrayList<>();
        entries.forEach((name, mode) -> {
            if (name.endsWith("/")) {
                assertEquals("drwxr-xr-x", mode, name);
            } else if (name.startsWith("./opt/stoxum/lib/") && name.endsWith(".jar")) {
                assertEquals("-rw-r--r--", mode, name);
                jars.add(name.substring("./opt/stoxum/lib/".length()));
            } else {
                assertTrue(FILES.containsKey(name), "a file the package should not have: " + name);
            }
        });
        List<String> distJars;
        try (Stream<Path> files = Files.list(BuiltDistribution.tree().resolve("lib"))) {
            distJars = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(distJars, jars);
    }

    @Test
    void theConfigFilesAreConffilesAndTheMaintainerScriptsAreValidShell(@TempDir Path dir) throws Exception {
        Path control = dir.resolve("DEBIAN");
        BuiltDistribution.output(dir, "dpkg-deb", "--control", DEB.toString(), control.toString());
        assertEquals(CONFFILES, Files.readAllLines(control.resolve("conffiles")));
        Map<String, String> entries = contents();
        for (String conffile : CONFFILES) {
            assertTrue(entries.getOrDefault("." + conffile, "").startsWith("-"), conffile + " is not a file");
        }
        for (String script : SCRIPTS) {
            Path file = control.resolve(script);
            assertEquals("rwxr-xr-x", BuiltDistribution.mode(file), script);
            List<String> lines = Files.readAllLines(file);
            assertEquals("#!/bin/sh", lines.get(0), script);
            assertTrue(lines.contains("set -e"), script + " must stop at the first failing command");
            BuiltDistribution.Result syntax = BuiltDistribution.run(dir, Map.of(), "sh", "-n", file.toString());
            assertEquals(0, syntax.status(), script + ": " + syntax.output());
        }
    }

    @Test
    void theMaintainerScriptsKeepDataUntilPurgeAndTouchSystemdOnlyWhenItRuns(@TempDir Path dir) throws Exception {
        Path control = dir.resolve("DEBIAN");
        BuiltDistribution.output(dir, "dpkg-deb", "--control", DEB.toString(), control.toString());
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("adduser --system"), "postinst makes the stoxumd system user");
        for (String made : List.of("/var/opt/stoxum", "/var/log/stoxum")) {
            assertTrue(postinst.contains(made), "postinst makes " + made);
        }
        String postrm = Files.readString(control.resolve("postrm"));
        String purge = postrm.substring(postrm.indexOf("purge)"), postrm.indexOf(";;", postrm.indexOf("purge)")));
        assertTrue(purge.contains("rm -rf /var/opt/stoxum /var/log/stoxum"), purge);
        assertEquals(1, count(postrm, "rm -rf"), "data is removed on purge only");
        String prerm = Files.readString(control.resolve("prerm"));
        assertTrue(prerm.contains("systemctl stop stoxumd.service"), "prerm stops the service");
        for (String script : List.of(postinst, prerm, postrm)) {
            int systemctl = script.indexOf("systemctl");
            int guard = script.indexOf("[ -d /run/systemd/system ]");
            assertTrue(guard >= 0 && guard < systemctl, "systemctl runs only when systemd runs the machine");
        }
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
