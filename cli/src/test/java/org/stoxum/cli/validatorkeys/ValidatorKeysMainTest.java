package org.stoxum.cli.validatorkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;

/** The command line: the upstream tool's runCommand cases, options, and where the key file goes by default. */
class ValidatorKeysMainTest {
    @TempDir
    Path home;

    @Test
    void commandsAndArgumentCounts() {
        String kf = "--keyfile=" + home.resolve("k.json");
        for (String[] noArgs : new String[][] {{"unknown"}, {"unknown", "some data"}, {"unknown", "data", "more"}}) {
            ToolRun r = ToolRun.run(home, prepend(kf, noArgs));
            assertEquals(1, r.status());
            assertEquals("Unknown command: unknown\n", r.err());
        }
        assertEquals(0, ToolRun.run(home, kf, "create_keys").status());
        String argError = "Syntax error: Wrong number of arguments\n";
        for (String c : new String[] {"create_keys", "create_token", "revoke_keys"}) {
            assertEquals(argError, ToolRun.run(home, kf, c, "some data").err());
            assertEquals(argError, ToolRun.run(home, kf, c, "data", "more data").err());
        }
        assertEquals(argError, ToolRun.run(home, kf, "sign").err());
        assertEquals(argError, ToolRun.run(home, kf, "sign", "data", "more data").err());
        assertEquals(0, ToolRun.run(home, kf, "create_token").status());
        assertEquals(0, ToolRun.run(home, kf, "sign", "some data").status());
        assertEquals(0, ToolRun.run(home, kf, "revoke_keys").status());
        ToolRun dash = ToolRun.run(home, kf, "sign", "--", "-5");
        assertEquals(0, dash.status(), dash.err());
    }

    static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @Test
    void optionsVersionAndHelp() {
        ToolRun v = ToolRun.run(home, "--version");
        assertEquals(0, v.status());
        assertEquals("validator-keys version 0.1.0\n", v.out());
        ToolRun h = ToolRun.run(home, "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("create_token") && h.out().contains(home.resolve(".stoxum/validator-keys.json")
                .toString()), h.out());
        assertEquals(0, ToolRun.run(home, "-h").status());
        ToolRun none = ToolRun.run(home);
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no command given"));
        for (String[] bad : new String[][] {{"--bogus", "create_keys"}, {"create_keys", "--keyfile"},
                {"--keyfile=a", "--keyfile=b", "create_keys"}, {"--profile", "xrp", "create_keys"}, {"-x"}}) {
            ToolRun r = ToolRun.run(home, bad);
            assertEquals(1, r.status(), String.join(" ", bad));
            assertTrue(r.err().endsWith("Use '--help' for a list of options.\n"), r.err());
        }
        assertFalse(Files.exists(home.resolve(".stoxum")));
    }

    @Test
    void defaultKeyFileFollowsHomeAndProfile() {
        ToolRun r = ToolRun.run(home, "create_keys");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(home.resolve(".stoxum/validator-keys.json")));
        ToolRun ripple = ToolRun.run(home, "create_keys", "--profile", "ripple");
        assertEquals(0, ripple.status(), ripple.err());
        assertTrue(Files.exists(home.resolve(".ripple/validator-keys.json")));
        Path cwd = home.resolve("cwd");
        assertEquals(cwd.resolve(".stoxum/validator-keys.json"),
                ValidatorKeysMain.defaultKeyFile(NetworkProfile.STOXUM, Map.of(), cwd));
        assertEquals(cwd.resolve(".ripple/validator-keys.json"),
                ValidatorKeysMain.defaultKeyFile(NetworkProfile.RIPPLE, Map.of("HOME", ""), cwd));
    }
}
