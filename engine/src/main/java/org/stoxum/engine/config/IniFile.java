package org.stoxum.engine.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ini-like text format of {@code stoxumd.cfg} and {@code validators.txt}, read line by line exactly
 * as stoxumd reads it, so that a file which works there means the same thing here.
 *
 * <ul>
 *   <li>CRLF and lone CR are line ends like LF.</li>
 *   <li>A line whose <em>first character</em> is {@code #} is a comment; an empty line is skipped.</li>
 *   <li>A line whose first character is {@code [} and last is {@code ]} opens the section named by what
 *       lies between them, untrimmed. Seeing a name again continues that section.</li>
 *   <li>Any other line is trimmed and, if anything remains, added to the current section; lines before
 *       the first header belong to the section named {@code ""}. There are no escapes.</li>
 * </ul>
 *
 * <p>Because the comment and header tests look at the raw line, an indented {@code # note} or a header
 * followed by a space becomes a value of the section above it, as in stoxumd; such lines are reported in
 * {@link #warnings()} since they are almost always mistakes. Section names compare case-insensitively.
 */
public final class IniFile {
    private final String source;
    private final Map<String, IniSection> sections;
    private final List<String> warnings;

    private IniFile(String source, Map<String, IniSection> sections, List<String> warnings) {
        this.source = source;
        this.sections = sections;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Splits {@code text} into sections.
     *
     * @param source how the file is named in messages (usually its path)
     * @param text   the whole file; a leading byte-order mark is ignored
     */
    public static IniFile parse(String source, String text) {
        String data = text.startsWith("\uFEFF") ? text.substring(1) : text;
        data = data.replace("\r\n", "\n").replace('\r', '\n');
        String[] raw = data.split("\n", -1);

        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Integer> headers = new LinkedHashMap<>();
        Map<String, List<IniLine>> lines = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String current = "";
        spelling.put("", "");
        headers.put("", 0);
        lines.put("", new ArrayList<>());

        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int number = i + 1;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '[' && line.charAt(line.length() - 1) == ']' && line.length() >= 2) {
                String name = line.substring(1, line.length() - 1);
                current = name.toLowerCase(Locale.ROOT);
                spelling.putIfAbsent(current, name);
                headers.putIfAbsent(current, number);
                lines.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            String trimmed = trim(line);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.charAt(0) == '#' || (trimmed.charAt(0) == '[' && trimmed.endsWith("]"))) {
                warnings.add(source + ":" + number + ": '" + trimmed + "' is read as a value of section ["
                        + spelling.get(current) + "], not as a " + (trimmed.charAt(0) == '#' ? "comment" : "header")
                        + ": only a line that starts (and, for a header, ends) with the bracket or '#' counts");
            }
            lines.get(current).add(new IniLine(number, trimmed));
        }

        Map<String, IniSection> sections = new LinkedHashMap<>();
        for (Map.Entry<String, List<IniLine>> e : lines.entrySet()) {
            String key = e.getKey();
            sections.put(key, IniSection.of(spelling.get(key), headers.get(key), e.getValue()));
        }
        return new IniFile(source, sections, warnings);
    }

    /** Removes the characters C's {@code isspace} accepts from both ends. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** How the file is named in messages. */
    public String source() {
        return source;
    }

    /** The section called {@code name} in any case, if the file has that header (even with no lines). */
    public Optional<IniSection> section(String name) {
        return Optional.ofNullable(sections.get(name.toLowerCase(Locale.ROOT)));
    }

    /** True when the file has a {@code [name]} header (in any case). */
    public boolean exists(String name) {
        return sections.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Every section in order of first appearance, the unnamed one first. */
    public Collection<IniSection> sections() {
        return sections.values();
    }

    /** Lines that look like comments or headers but are read as values. */
    public List<String> warnings() {
        return warnings;
    }
}
