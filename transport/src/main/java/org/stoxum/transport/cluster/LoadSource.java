package org.stoxum.transport.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An endpoint's resource balance as one member saw it (rippled's {@code Gossip::Item}): the address is
 * the IP of an inbound consumer, port ignored, as the resource manager keys it.
 */
public record LoadSource(String address, long balance) {
    public LoadSource {
        Objects.requireNonNull(address, "address");
        if (address.isBlank() || address.getBytes(StandardCharsets.UTF_8).length > FrameWriter.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("a load source needs an address of 1 to "
                    + FrameWriter.MAX_TEXT_BYTES + " bytes");
        }
    }
}
