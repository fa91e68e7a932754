package org.stoxum.engine.config;

/**
 * A family seed from {@code [validation_seed]} or {@code [node_seed]}: the base58 text in the network
 * profile's alphabet and the 16 bytes it carries. Key derivation is the key code's job.
 */
public final class ConfiguredSeed {
    private final String text;
    private final byte[] entropy;

    ConfiguredSeed(String text, byte[] entropy) {
        this.text = text;
        this.entropy = entropy.clone();
    }

    /** The seed as written. */
    public String text() {
        return text;
    }

    /** The 16 seed bytes. */
    public byte[] entropy() {
        return entropy.clone();
    }

    /** Seeds are secrets: only their presence is printed. */
    @Override
    public String toString() {
        return "ConfiguredSeed[16 bytes]";
    }
}
