package org.stoxum.transport.peer;

import java.util.Set;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/** Opens the sample messages to tests in other packages. */
public final class SampleMessagesAccess {
    private SampleMessagesAccess() {
    }

    public static Set<MessageType> delivered() {
        return SampleMessages.DELIVERED;
    }

    public static OutboundMessage sample(MessageType type) {
        return SampleMessages.sample(type);
    }
}
