package org.stoxum.engine.config;

/**
 * One meaningful line of an ini-style file, trimmed, with the line number it came from so that a bad
 * value can be reported where the operator wrote it.
 *
 * @param number 1-based line number in the file (counting CR, LF and CRLF each as one line end)
 * @param text   the line with leading and trailing whitespace removed; never empty
 */
public record IniLine(int number, String text) {
}
