package org.stoxum.engine.config;

/**
 * A config file (or a validators file) that cannot be used: the message names the file, the line and
 * what was expected there, so an operator can fix it without reading our source.
 *
 * <p>Raised once, while the config is loaded; a {@link NodeConfig} that exists is valid.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source  the file the problem is in, as it should be shown ({@code <embedded defaults>} for
     *                the built-in config)
     * @param line    1-based line number, or 0 when the problem is not tied to one line
     * @param problem what is wrong and what was expected
     */
    public ConfigException(String source, int line, String problem) {
        super(format(source, line, problem));
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** As {@link #ConfigException(String, int, String)}, keeping the low-level cause (an I/O error). */
    public ConfigException(String source, int line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    private static String format(String source, int line, String problem) {
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }

    /** The file the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when it concerns the file as a whole. */
    public int line() {
        return line;
    }

    /** The problem without the file and line prefix. */
    public String problem() {
        return problem;
    }
}
