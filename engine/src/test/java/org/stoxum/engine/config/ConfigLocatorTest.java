package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order stoxumd searches for its config (Config::setup), run against temporary directories. */
class ConfigLocatorTest {
    @TempDir
    Path root;

    Path cwd;
    Path home;
    Path etc;
    Path var;

    @BeforeEach
    void dirs() throws IOException {
        cwd = Files.createDirectories(root.resolve("cwd"));
        home = Files.createDirectories(root.resolve("home"));
        etc = Files.createDirectories(root.resolve("etc/opt/stoxum"));
        var = root.resolve("var/opt/stoxum");
    }

    private ConfigEnvironment env(Map<String, String> vars) {
        return new ConfigEnvironment(vars, cwd, etc, var);
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "[server]\n");
    }

    @Test
    void confNamesTheFileAndItsDirectory() throws IOException {
        Path file = touch(root.resolve("elsewhere/my.cfg"));
        touch(cwd.resolve("stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.of("../elsewhere/my.cfg"), env(Map.of("HOME", home.toString())));
        assertEquals(Optional.of(file), loc.file());
        assertEquals(file.getParent(), loc.configDir());
        assertEquals(file.getParent().resolve("db"), loc.dataDir());
        assertTrue(loc.explicit());
    }

    @Test
    void aMissingConfFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLocator.locate(Optional.of("nope.cfg"), env(Map.of())));
        assertTrue(e.getMessage().contains("nope.cfg"), e.getMessage());
    }

    @Test
    void theWorkingDirectoryComesFirst() throws IOException {
        Path local = touch(cwd.resolve("stoxumd.cfg"));
        touch(home.resolve(".config/stoxum/stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("HOME", home.toString())));
        assertEquals(Optional.of(local), loc.file());
        assertEquals(cwd, loc.configDir());
        assertEquals(cwd.resolve("db"), loc.dataDir());
    }

    @Test
    void thenXdgConfigHomeDefaultingToDotConfig() throws IOException {
        Path xdg = touch(home.resolve(".config/stoxum/stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("HOME", home.toString())));
        assertEquals(Optional.of(xdg), loc.file());
        assertEquals(xdg.getParent(), loc.configDir());
        assertEquals(home.resolve(".local/share/stoxum"), loc.dataDir());
    }

    @Test
    void explicitXdgVariablesWin() throws IOException {
        Path cfgHome = root.resolve("cfghome");
        Path dataHome = root.resolve("datahome");
        Path xdg = touch(cfgHome.resolve("stoxum/stoxumd.cfg"));
        touch(home.resolve(".config/stoxum/stoxumd.cfg"));
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("XDG_CONFIG_HOME", cfgHome.toString());
        vars.put("XDG_DATA_HOME", dataHome.toString());
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(vars));
        assertEquals(Optional.of(xdg), loc.file());
        assertEquals(dataHome.resolve("stoxum"), loc.dataDir());
    }

    @Test
    void thenTheSystemDirectory() throws IOException {
        Path sys = touch(etc.resolve("stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("HOME", home.toString())));
        assertEquals(Optional.of(sys), loc.file());
        assertEquals(etc, loc.configDir());
        assertEquals(var, loc.dataDir());
        assertEquals(List.of(cwd.resolve("stoxumd.cfg"), home.resolve(".config/stoxum/stoxumd.cfg"), sys), loc.searched());
    }

    @Test
    void nothingFoundMeansTheEmbeddedDefaultsInTheWorkingDirectory() {
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("HOME", home.toString())));
        assertTrue(loc.embedded());
        assertEquals(cwd, loc.configDir());
        assertEquals(3, loc.searched().size());
    }

    @Test
    void withoutHomeOrXdgOnlyTheWorkingDirectoryIsTried() throws IOException {
        touch(etc.resolve("stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("XDG_CONFIG_HOME", "/x")));
        assertTrue(loc.embedded());
        assertEquals(List.of(cwd.resolve("stoxumd.cfg")), loc.searched());
    }

    @Test
    void anEmptyVariableCountsAsUnset() throws IOException {
        touch(etc.resolve("stoxumd.cfg"));
        ConfigLocation loc = ConfigLocator.locate(Optional.empty(), env(Map.of("HOME", "")));
        assertTrue(loc.embedded());
    }

    @Test
    void loadingTheEmbeddedDefaultsWhenNothingIsFound() {
        NodeConfig config = NodeConfigLoader.load(Optional.empty(), true, env(Map.of("HOME", home.toString())));
        assertTrue(config.file().isEmpty());
        assertEquals(cwd.resolve("data"), config.databasePath().orElseThrow());
        assertEquals(cwd.resolve("data/db"), config.nodeDb().path());
    }
}
