package org.stoxum.engine.tx.paths;

import org.stoxum.codec.amount.Issue;

/** An order book: offers taking {@code in} from the taker and giving {@code out} (rippled's {@code Book}). */
public record Book(Issue in, Issue out) {
}
