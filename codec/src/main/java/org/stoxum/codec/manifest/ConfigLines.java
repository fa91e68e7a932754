package org.stoxum.codec.manifest;

import java.util.ArrayList;
import java.util.List;

/** How the validator-keys tool lays base64 out in a config section: lines of {@value #LINE_LENGTH} characters. */
public final class ConfigLines {
    /** Width of a token or revocation line. */
    public static final int LINE_LENGTH = 72;

    private ConfigLines() {
    }

    /** {@code text} cut into lines of {@value #LINE_LENGTH} characters, the last one possibly shorter. */
    public static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += LINE_LENGTH) {
            lines.add(text.substring(i, Math.min(text.length(), i + LINE_LENGTH)));
        }
        return lines;
    }
}
