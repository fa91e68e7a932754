package org.stoxum.storage.nodestore;

/**
 * The store's persistent bookkeeping for generations and online delete, rewritten in the same LMDB
 * transaction as every step that changes it, so a crash leaves either the old or the new state.
 *
 * @param writableGen  generation receiving new ledgers' nodes
 * @param archiveGen   previous generation, still read (0: none)
 * @param targetGen    generation being filled by a rotation in progress (0: none)
 * @param rotationSeq  the ledger the rotation in progress copies (0: none)
 * @param rowsBelow    ledger rows with a smaller sequence are being deleted (0: none)
 * @param droppingGen  generation being emptied (0: none)
 * @param lastRotated  rippled's lastRotated: every ledger from here on lies wholly in the writable
 *                     generation or, after a later rotation, the archive (0: not yet set)
 * @param canDelete    with advisory delete, the newest ledger an operator allowed to delete
 * @param nextGen      id of the next generation to create
 */
record StoreState(int writableGen, int archiveGen, int targetGen, long rotationSeq, long rowsBelow,
                  int droppingGen, long lastRotated, long canDelete, int nextGen) {
    static final int SIZE = 4 * 5 + 8 * 4;

    static StoreState initial() {
        return new StoreState(1, 0, 0, 0, 0, 0, 0, 0, 2);
    }

    byte[] toBytes() {
        byte[] b = new byte[SIZE];
        BigEndian.putU32(b, 0, writableGen);
        BigEndian.putU32(b, 4, archiveGen);
        BigEndian.putU32(b, 8, targetGen);
        System.arraycopy(BigEndian.u64(rotationSeq), 0, b, 12, 8);
        System.arraycopy(BigEndian.u64(rowsBelow), 0, b, 20, 8);
        BigEndian.putU32(b, 28, droppingGen);
        System.arraycopy(BigEndian.u64(lastRotated), 0, b, 32, 8);
        System.arraycopy(BigEndian.u64(canDelete), 0, b, 40, 8);
        BigEndian.putU32(b, 48, nextGen);
        return b;
    }

    static StoreState fromBytes(byte[] b) {
        if (b.length != SIZE) {
            throw new NodeStoreException("node store state record has " + b.length + " bytes, expected " + SIZE);
        }
        return new StoreState((int) BigEndian.getU32(b, 0), (int) BigEndian.getU32(b, 4), (int) BigEndian.getU32(b, 8),
                BigEndian.getU64(b, 12), BigEndian.getU64(b, 20), (int) BigEndian.getU32(b, 28),
                BigEndian.getU64(b, 32), BigEndian.getU64(b, 40), (int) BigEndian.getU32(b, 48));
    }

    StoreState withLastRotated(long seq) {
        return new StoreState(writableGen, archiveGen, targetGen, rotationSeq, rowsBelow, droppingGen, seq, canDelete, nextGen);
    }

    StoreState withCanDelete(long seq) {
        return new StoreState(writableGen, archiveGen, targetGen, rotationSeq, rowsBelow, droppingGen, lastRotated, seq, nextGen);
    }

    /** Starts a rotation to {@code seq}: a new target generation, and rows below the last rotation to delete. */
    StoreState startRotation(long seq) {
        return new StoreState(writableGen, archiveGen, nextGen, seq, lastRotated, droppingGen, lastRotated, canDelete,
                nextGen + 1);
    }

    StoreState rowsDeleted() {
        return new StoreState(writableGen, archiveGen, targetGen, rotationSeq, 0, droppingGen, lastRotated, canDelete, nextGen);
    }

    /**
     * The target becomes writable, the writable the archive, and the old archive is emptied; ledgers
     * from {@code firstNew} on will be stored wholly in the new writable generation.
     */
    StoreState switchGenerations(long firstNew) {
        return new StoreState(targetGen, writableGen, 0, 0, rowsBelow, archiveGen, firstNew, canDelete, nextGen);
    }

    StoreState dropped() {
        return new StoreState(writableGen, archiveGen, targetGen, rotationSeq, rowsBelow, 0, lastRotated, canDelete, nextGen);
    }
}
