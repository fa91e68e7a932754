package org.stoxum.engine.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file being read and what reading it needs to report: errors that name the file and line, and
 * warnings collected for the log. One per file (the config, the validators file); they share the
 * warning list.
 */
final class ReadContext {
    final String source;
    final Path baseDir;
    final boolean standalone;
    private final List<String> warnings;

    ReadContext(String source, Path baseDir, boolean standalone, List<String> warnings) {
        this.source = source;
        this.baseDir = baseDir;
        this.standalone = standalone;
        this.warnings = warnings;
    }

    /** A context for another file that reports into the same warning list. */
    ReadContext forFile(String otherSource) {
        return new ReadContext(otherSource, baseDir, standalone, warnings);
    }

    ConfigException error(int line, String problem) {
        return new ConfigException(source, line, problem);
    }

    void warn(int line, String message) {
        warnings.add(line > 0 ? source + ":" + line + ": " + message : source + ": " + message);
    }

    void warnAll(List<String> messages) {
        warnings.addAll(messages);
    }

    /** A path as written, made absolute against the config directory. */
    Path path(int line, String what, String text) {
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw error(line, what + ": '" + text + "' is not a usable path (" + e.getReason() + ")");
        }
    }

    long unsigned(int line, String what, String text, long max) {
        Long n = ConfigValues.unsigned(text, max);
        if (n == null) {
            throw error(line, what + ": expected a whole number from 0 to " + max + ", got '" + text + "'");
        }
        return n;
    }

    long unsigned(int line, String what, String text, long min, long max) {
        Long n = ConfigValues.unsigned(text, max);
        if (n == null || n < min) {
            throw error(line, what + ": expected a whole number from " + min + " to " + max + ", got '" + text + "'");
        }
        return n;
    }

    long signed(int line, String what, String text, long min, long max) {
        Long n = ConfigValues.signed(text, min, max);
        if (n == null) {
            throw error(line, what + ": expected a whole number from " + min + " to " + max + ", got '" + text + "'");
        }
        return n;
    }

    boolean bool(int line, String what, String text) {
        Boolean b = ConfigValues.bool(text);
        if (b == null) {
            throw error(line, what + ": expected 1 or 0 (true or false), got '" + text + "'");
        }
        return b;
    }

    /** A key's value read as an unsigned number, if the key is there. */
    Optional<Long> unsignedKey(IniSection section, String key, long min, long max) {
        return section.get(key).map(kv -> unsigned(kv.number(), "[" + section.name() + "] " + key, kv.value(), min, max));
    }

    /** A key's value read as a boolean, if the key is there. */
    Optional<Boolean> boolKey(IniSection section, String key) {
        return section.get(key).map(kv -> bool(kv.number(), "[" + section.name() + "] " + key, kv.value()));
    }

    /** A key's value read as a path, if the key is there. */
    Optional<Path> pathKey(IniSection section, String key) {
        return section.get(key).map(kv -> path(kv.number(), "[" + section.name() + "] " + key, kv.value()));
    }

    /** Warns about keys a section does not use and plain lines in a section of keys. */
    void warnUnknownKeys(IniSection section, Set<String> known) {
        for (IniKeyValue kv : section.keys().values()) {
            if (!known.contains(kv.key().toLowerCase(Locale.ROOT))) {
                warn(kv.number(), "[" + section.name() + "] key '" + kv.key() + "' is not used and was ignored");
            }
        }
        for (IniLine l : section.values()) {
            warn(l.number(), "[" + section.name() + "] expects key=value lines; '" + l.text() + "' was ignored");
        }
    }
}
