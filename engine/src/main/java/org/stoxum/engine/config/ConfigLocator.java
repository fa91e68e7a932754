package org.stoxum.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code stoxumd.cfg} the way stoxumd does when it starts.
 *
 * <ol>
 *   <li>{@code --conf P}: P, whose directory becomes the config directory; data in {@code <dir>/db}.</li>
 *   <li>{@code ./stoxumd.cfg} if it exists, or if neither {@code HOME} nor both XDG variables are set;
 *       data in {@code ./db}.</li>
 *   <li>{@code $XDG_CONFIG_HOME/stoxum/stoxumd.cfg} (default {@code $HOME/.config}); data in
 *       {@code $XDG_DATA_HOME/stoxum} (default {@code $HOME/.local/share}).</li>
 *   <li>{@code /etc/opt/stoxum/stoxumd.cfg}; data in {@code /var/opt/stoxum}.</li>
 * </ol>
 *
 * <p>stoxumd then runs on an empty config if the chosen file does not exist. Here the search ends
 * with the embedded stand-alone defaults instead (see {@link EmbeddedDefaults}), unless the file was
 * named with {@code --conf}: a named file that is missing is an error.
 */
public final class ConfigLocator {
    /** The config file's name in every searched directory. */
    public static final String CONFIG_FILE_NAME = "stoxumd.cfg";

    /** The data subdirectory used beside a config file found by {@code --conf} or in the working directory. */
    public static final String DATABASE_DIR_NAME = "db";

    private ConfigLocator() {
    }

    /**
     * @param conf the {@code --conf} argument, if given
     * @param env  environment variables and directories to search
     * @throws ConfigException when {@code conf} names a file that does not exist
     */
    public static ConfigLocation locate(Optional<String> conf, ConfigEnvironment env) {
        if (conf.isPresent()) {
            Path file = env.workingDir().resolve(conf.get()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file.toString(), 0, "the config file named by --conf does not exist or is not a file");
            }
            Path dir = file.getParent();
            return new ConfigLocation(Optional.of(file), dir, dir.resolve(DATABASE_DIR_NAME), true, List.of(file));
        }

        List<Path> searched = new ArrayList<>();
        Path local = env.workingDir().resolve(CONFIG_FILE_NAME);
        searched.add(local);
        Optional<String> home = env.variable("HOME");
        Optional<String> xdgConfig = env.variable("XDG_CONFIG_HOME");
        Optional<String> xdgData = env.variable("XDG_DATA_HOME");
        boolean xdgUnknown = home.isEmpty() && (xdgConfig.isEmpty() || xdgData.isEmpty());
        if (Files.isRegularFile(local) || xdgUnknown) {
            return found(local, env.workingDir(), env.workingDir().resolve(DATABASE_DIR_NAME), searched, env);
        }

        Path configHome = Path.of(xdgConfig.orElseGet(() -> home.get() + "/.config"));
        Path dataHome = Path.of(xdgData.orElseGet(() -> home.get() + "/.local/share"));
        Path xdgDir = configHome.resolve(ConfigEnvironment.SYSTEM_NAME);
        Path xdgFile = xdgDir.resolve(CONFIG_FILE_NAME);
        searched.add(xdgFile);
        if (Files.isRegularFile(xdgFile)) {
            return found(xdgFile, xdgDir, dataHome.resolve(ConfigEnvironment.SYSTEM_NAME), searched, env);
        }

        Path systemFile = env.systemConfig().resolve(CONFIG_FILE_NAME);
        searched.add(systemFile);
        return found(systemFile, env.systemConfig(), env.systemData(), searched, env);
    }

    /** The chosen file, or (when it does not exist) the embedded defaults rooted in the working directory. */
    private static ConfigLocation found(Path file, Path dir, Path data, List<Path> searched, ConfigEnvironment env) {
        if (Files.isRegularFile(file)) {
            return new ConfigLocation(Optional.of(file), dir, data, false, searched);
        }
        return new ConfigLocation(Optional.empty(), env.workingDir(), env.workingDir().resolve(DATABASE_DIR_NAME),
                false, searched);
    }
}
