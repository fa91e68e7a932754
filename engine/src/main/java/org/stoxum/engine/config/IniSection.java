package org.stoxum.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code [section]} of an ini-style file: its lines in order, split (as stoxumd's BasicConfig does)
 * into {@code key=value} pairs and plain values.
 *
 * <p>Every line is kept in {@link #lines()}. A line that reads as {@code key = value} (key: a letter
 * followed by letters, digits or underscores; value: non-empty) also goes into the key map, where a later
 * line replaces an earlier one with the same key in any case; every other line goes to {@link #values()}.
 * Sections that are lists ({@code [ips]}, {@code [validators]}) read the values; sections of settings
 * ({@code [node_db]}, port sections) read the keys; a few ({@code [rpc_startup]}, {@code [amendments]})
 * read every line.
 */
public final class IniSection {
    private static final Pattern KEY_VALUE =
            Pattern.compile("\\s*([a-zA-Z][_a-zA-Z0-9]*)\\s*=\\s*(.*\\S)\\s*", Pattern.DOTALL);

    private final String name;
    private final int headerLine;
    private final List<IniLine> lines;
    private final List<IniLine> values;
    private final Map<String, IniKeyValue> keys;

    private IniSection(String name, int headerLine, List<IniLine> lines) {
        this.name = name;
        this.headerLine = headerLine;
        this.lines = List.copyOf(lines);
        List<IniLine> plain = new ArrayList<>();
        Map<String, IniKeyValue> byKey = new LinkedHashMap<>();
        for (IniLine line : lines) {
            Matcher m = KEY_VALUE.matcher(line.text());
            if (m.matches()) {
                byKey.put(m.group(1).toLowerCase(Locale.ROOT), new IniKeyValue(m.group(1), m.group(2), line.number()));
            } else {
                plain.add(line);
            }
        }
        this.values = List.copyOf(plain);
        this.keys = Collections.unmodifiableMap(byKey);
    }

    /** A section built from lines; the parser uses it, and so can a test or a caller with its own source. */
    public static IniSection of(String name, int headerLine, List<IniLine> lines) {
        return new IniSection(name, headerLine, lines);
    }

    /** The name as first written in the file (sections compare case-insensitively). */
    public String name() {
        return name;
    }

    /** The line of the first {@code [name]} header, 0 for the unnamed section before any header. */
    public int headerLine() {
        return headerLine;
    }

    /** Every line of the section in file order, key=value lines included. */
    public List<IniLine> lines() {
        return lines;
    }

    /** The lines that are not key=value pairs. */
    public List<IniLine> values() {
        return values;
    }

    /** The key=value pairs, lower-cased key to the last pair written with that key. */
    public Map<String, IniKeyValue> keys() {
        return keys;
    }

    /** The pair for {@code key} (any case), if the section has one. */
    public Optional<IniKeyValue> get(String key) {
        return Optional.ofNullable(keys.get(key.toLowerCase(Locale.ROOT)));
    }

    /** True when the section has no lines at all. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
