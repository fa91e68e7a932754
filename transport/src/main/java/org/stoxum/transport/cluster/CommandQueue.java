package org.stoxum.transport.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.stoxum.codec.types.Hash256;

/**
 * Requests from engine threads to the cluster thread, through one many-to-one ring buffer: engine threads
 * only publish, the cluster thread alone drains into its {@link Outbox}. A full buffer refuses the request
 * rather than block the engine.
 */
final class CommandQueue {
    private static final int VERDICT = 1;
    private static final int RELAY = 2;
    private static final int CHARGE = 3;
    private static final int RELAY_DEFERRED = 4;

    private final RingBuffer ring;
    private final int maxTransactionLength;

    CommandQueue(int capacity, int maxTransactionLength) {
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(
                ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        this.maxTransactionLength = Math.min(maxTransactionLength, ring.maxMsgLength());
    }

    boolean verdict(Hash256 hash, boolean good) {
        int index = ring.tryClaim(VERDICT, Hash256.LENGTH + 1);
        if (index < 0) {
            return false;
        }
        MutableDirectBuffer b = ring.buffer();
        b.putBytes(index, hash.toBytes());
        b.putByte(index + Hash256.LENGTH, (byte) (good ? 1 : 0));
        ring.commit(index);
        return true;
    }

    /** Refused when full, or when {@code raw} is longer than one frame can carry. */
    boolean relay(byte[] raw, boolean deferred) {
        if (raw.length == 0 || raw.length > maxTransactionLength) {
            return false;
        }
        int index = ring.tryClaim(deferred ? RELAY_DEFERRED : RELAY, raw.length);
        if (index < 0) {
            return false;
        }
        ring.buffer().putBytes(index, raw);
        ring.commit(index);
        return true;
    }

    boolean charge(LoadSource source) {
        byte[] address = source.address().getBytes(UTF_8);
        int index = ring.tryClaim(CHARGE, Long.BYTES + address.length);
        if (index < 0) {
            return false;
        }
        MutableDirectBuffer b = ring.buffer();
        b.putLong(index, source.balance());
        b.putBytes(index + Long.BYTES, address);
        ring.commit(index);
        return true;
    }

    /** Moves up to {@code limit} requests into {@code outbox}; returns how many. */
    int drain(Outbox outbox, long now, int limit) {
        return ring.read((type, buffer, index, length) -> {
            switch (type) {
                case VERDICT -> {
                    byte[] hash = new byte[Hash256.LENGTH];
                    buffer.getBytes(index, hash);
                    outbox.mark(new Outbox.Mark(Hash256.wrap(hash), buffer.getByte(index + Hash256.LENGTH) != 0), now);
                }
                case RELAY, RELAY_DEFERRED -> {
                    byte[] raw = new byte[length];
                    buffer.getBytes(index, raw);
                    outbox.transaction(new Outbox.Relay(raw, type == RELAY_DEFERRED), now);
                }
                case CHARGE -> outbox.charge(new LoadSource(
                        buffer.getStringWithoutLengthUtf8(index + Long.BYTES, length - Long.BYTES),
                        buffer.getLong(index)), now);
                default -> throw new IllegalStateException("unknown cluster command " + type);
            }
        }, limit);
    }
}
