package org.stoxum.storage.nodestore;

import java.util.Arrays;
import java.util.Comparator;
import jnr.ffi.Pointer;
import jnr.ffi.provider.MemoryManager;
import org.lmdbjava.BufferProxy;

/**
 * Lets LMDB read and return {@code byte[]} keys and values, with no JVM flags.
 *
 * <p>Why not lmdbjava's own proxies: its ByteBuffer and Agrona proxies need {@code --add-opens} or
 * {@code --add-exports} on Java 17, and its {@code ByteArrayProxy} copies each key into native memory
 * that nothing references once the copy returns, so the garbage collector could free it before LMDB
 * read it (observed here as a SIGSEGV inside {@code mdb_put} under allocation load, with 0.9.1; 0.9.3
 * keeps it reachable, but still allocates and frees native memory for every key and value).
 *
 * <p>This proxy copies into native scratch buffers kept per thread in a ring of four. lmdbjava fills at
 * most two of them (key and value) right before each LMDB call and LMDB copies what it keeps before
 * returning, so a slot is reused only two calls after its data was consumed.
 */
final class SafeByteArrayProxy extends BufferProxy<byte[]> {
    static final SafeByteArrayProxy INSTANCE = new SafeByteArrayProxy();

    private static final MemoryManager MEMORY = jnr.ffi.Runtime.getSystemRuntime().getMemoryManager();
    private static final int SLOTS = 4;
    private static final int MIN_SLOT = 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final Pointer[] slots = new Pointer[SLOTS];
        int next;
    }

    private SafeByteArrayProxy() {
    }

    @Override
    protected byte[] allocate() {
        return new byte[0];
    }

    @Override
    protected void deallocate(byte[] buffer) {
        // nothing native is held per buffer
    }

    @Override
    protected byte[] getBytes(byte[] buffer) {
        return buffer.clone();
    }

    @Override
    protected Comparator<byte[]> getSignedComparator() {
        return Arrays::compare;
    }

    @Override
    protected Comparator<byte[]> getUnsignedComparator() {
        return Arrays::compareUnsigned;
    }

    @Override
    protected Pointer in(byte[] buffer, Pointer mdbVal) {
        Scratch s = SCRATCH.get();
        int i = s.next++ & (SLOTS - 1);
        Pointer slot = s.slots[i];
        if (slot == null || slot.size() < buffer.length) {
            slot = MEMORY.allocateDirect(Math.max(MIN_SLOT, Integer.highestOneBit(buffer.length) << 1), false);
            s.slots[i] = slot;
        }
        slot.put(0, buffer, 0, buffer.length);
        mdbVal.putLong(STRUCT_FIELD_OFFSET_SIZE, buffer.length);
        mdbVal.putAddress(STRUCT_FIELD_OFFSET_DATA, slot.address());
        return slot;
    }

    @Override
    protected Pointer in(byte[] buffer, int size, Pointer mdbVal) {
        throw new UnsupportedOperationException("MDB_RESERVE is not used by the node store");
    }

    @Override
    protected byte[] out(byte[] buffer, Pointer mdbVal) {
        long address = mdbVal.getAddress(STRUCT_FIELD_OFFSET_DATA);
        int size = (int) mdbVal.getLong(STRUCT_FIELD_OFFSET_SIZE);
        byte[] out = new byte[size];
        MEMORY.newPointer(address, size).get(0, out, 0, size);
        return out;
    }
}
