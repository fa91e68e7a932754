package org.stoxum.cli.validatorkeys;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One run of the tool with its exit status and both output streams. */
record ToolRun(int status, String out, String err) {
    static ToolRun run(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = ValidatorKeysMain.run(List.of(args), o, e, Map.of("HOME", home.toString()), home);
        }
        return new ToolRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The base64 lines printed under {@code [section]}, up to the blank line. */
    List<String> section(String name) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf("[" + name + "]") + 1;
        if (start == 0) {
            throw new AssertionError("no [" + name + "] in:\n" + out);
        }
        int end = start;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
            end++;
        }
        return lines.subList(start, end);
    }

    /** The key after "# validator public key: ". */
    String publicKeyLine() {
        return out.lines().filter(l -> l.startsWith("# validator public key: ")).findFirst()
                .map(l -> l.substring("# validator public key: ".length()))
                .orElseThrow(() -> new AssertionError("no public key line in:\n" + out));
    }
}
