package org.stoxum.cli.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A systemd unit file read the way systemd reads one: {@code [Section]} headers, {@code Key=Value} lines,
 * {@code #}/{@code ;} comments; a key given twice keeps every value (systemd appends for list settings).
 */
record SystemdUnit(Map<String, Map<String, List<String>>> sections) {

    static SystemdUnit parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0) {
                throw new IllegalArgumentException("line " + number + " is neither a section nor a setting: " + raw);
            }
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(line.substring(eq + 1).strip());
        }
        return new SystemdUnit(sections);
    }

    /** The last value of a setting, as systemd uses for single-valued settings. */
    Optional<String> value(String section, String key) {
        List<String> values = sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every word of a list setting, over all its lines. */
    List<String> words(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of()).stream()
                .flatMap(v -> List.of(v.split("\\s+")).stream()).filter(w -> !w.isEmpty()).toList();
    }

    /** The exit statuses systemd counts as a clean stop: 0 and those in SuccessExitStatus. */
    List<Integer> successStatuses() {
        List<Integer> statuses = new ArrayList<>(List.of(0));
        for (String word : words("Service", "SuccessExitStatus")) {
            if (word.chars().allMatch(Character::isDigit)) {
                statuses.add(Integer.parseInt(word));
            }
        }
        return statuses;
    }
}
