package org.stoxum.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the config came from and the directories that follow from that choice.
 *
 * @param file       the config file to read; empty when nothing was found and the embedded defaults apply
 * @param configDir  the directory relative paths in the file are resolved against (the working
 *                   directory for the embedded defaults)
 * @param dataDir    the data directory used when the file has no {@code [database_path]}
 * @param explicit   true when the file was named with {@code --conf}
 * @param searched   the files looked at, in order (for the log line when none exists)
 */
public record ConfigLocation(Optional<Path> file, Path configDir, Path dataDir, boolean explicit, List<Path> searched) {
    public ConfigLocation {
        searched = List.copyOf(searched);
    }

    /** True when no file was found and the embedded defaults are used. */
    public boolean embedded() {
        return file.isEmpty();
    }
}
