package org.stoxum.engine.consensus;

import java.util.OptionalLong;
import org.stoxum.codec.types.Hash256;

/**
 * A received validation as the validations table sees it.
 *
 * @param <K> the signing key type
 */
public interface Validation<K> {
    /** The validated ledger. */
    Hash256 ledgerId();

    /** Its sequence (0 when absent). */
    long seq();

    /** When it was signed (NetClock seconds). */
    long signTime();

    /** When we first saw it (NetClock seconds), 0 if unknown. */
    long seenTime();

    /** The key that signed it. */
    K key();

    /** Whether its validator was trusted when it arrived. */
    boolean trusted();

    /** Whether the validator proposed in the round (a full validation). */
    boolean full();

    /** The validator's load fee, when it reported one. */
    OptionalLong loadFee();
}
