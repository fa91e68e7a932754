package org.stoxum.engine.ledger;

import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;

/** Sees each entry a transaction changed: before (null when created), after, and whether it was erased. */
@FunctionalInterface
public interface EntryVisitor {
    void visit(Hash256 key, boolean isDelete, STObject before, STObject after);
}
