package org.stoxum.engine.ledger;

import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.shamap.SHAMap;

/** A frozen {@link OpenView}: immutable trees and header, safe to read from any thread. */
final class ViewSnapshot extends TreeView {
    ViewSnapshot(LedgerHeader header, Hash256 hash, boolean open, Fees fees, Rules rules, SHAMap state, SHAMap txs) {
        super(header, hash, open, fees, rules, state, txs);
    }
}
