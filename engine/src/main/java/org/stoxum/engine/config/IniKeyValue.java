package org.stoxum.engine.config;

/**
 * A {@code key=value} line of a section. Keys compare case-insensitively; values keep their case.
 *
 * @param key    the key as written
 * @param value  everything after the {@code =} and the whitespace around it; never empty
 * @param number the 1-based line it was read from
 */
public record IniKeyValue(String key, String value, int number) {
}
