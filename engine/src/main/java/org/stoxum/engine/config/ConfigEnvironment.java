package org.stoxum.engine.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the config file search looks at besides the file system: environment variables, the working
 * directory and the system-wide directories. Injected so that tests can point the search at temporary
 * directories instead of the real home and {@code /etc}.
 *
 * @param variables    environment variables ({@code HOME}, {@code XDG_CONFIG_HOME}, {@code XDG_DATA_HOME})
 * @param workingDir   the current directory, absolute
 * @param systemConfig the system-wide config directory, {@code /etc/opt/stoxum} on a real machine
 * @param systemData   the system-wide data directory, {@code /var/opt/stoxum} on a real machine
 */
public record ConfigEnvironment(Map<String, String> variables, Path workingDir, Path systemConfig, Path systemData) {

    /** stoxumd's system name, which names the XDG and /opt directories. */
    public static final String SYSTEM_NAME = "stoxum";

    /** Where a system-wide install keeps its config. */
    public static final Path DEFAULT_SYSTEM_CONFIG = Path.of("/etc/opt/" + SYSTEM_NAME);

    /** Where a system-wide install keeps its data. */
    public static final Path DEFAULT_SYSTEM_DATA = Path.of("/var/opt/" + SYSTEM_NAME);

    public ConfigEnvironment {
        variables = Map.copyOf(variables);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** The real process environment and working directory. */
    public static ConfigEnvironment system() {
        return new ConfigEnvironment(System.getenv(), Path.of("").toAbsolutePath(),
                DEFAULT_SYSTEM_CONFIG, DEFAULT_SYSTEM_DATA);
    }

    /** A variable's value; unset and empty are the same, as in stoxumd. */
    public Optional<String> variable(String name) {
        String v = variables.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
