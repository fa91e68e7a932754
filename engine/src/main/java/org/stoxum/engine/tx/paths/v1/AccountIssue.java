package org.stoxum.engine.tx.paths.v1;

import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.types.AccountId;

/**
 * A funding source: an account's balance of one issue (rippled's {@code AccountIssue}). The engine lets
 * each source feed only one node of a path, so that the reverse and forward passes never spend the same
 * balance twice.
 */
record AccountIssue(AccountId account, Issue issue) {
}
