package org.stoxum.engine.config;

/**
 * A line of {@code [amendments]} or {@code [veto_amendments]}.
 *
 * @param id   the 256-bit amendment ID, upper-case hex
 * @param name the name written after it (informational)
 */
public record AmendmentEntry(String id, String name) {
}
