package org.stoxum.engine.rpc.handlers;

import org.stoxum.engine.rpc.server.Role;

/**
 * A command of the handler table: who may call it and what the node must have before it runs
 * (rippled's {@code Handler} with its {@code Condition} bits).
 *
 * @param name               the command name
 * @param handler            what runs
 * @param role               {@link Role#ADMIN} for admin-only commands, else {@link Role#USER}
 * @param needsNetwork       refused with noNetwork while the node is below syncing
 * @param needsCurrentLedger refused with noCurrent when the open ledger is stale (never in stand-alone mode)
 * @param needsClosedLedger  refused with noClosed when there is no closed ledger
 */
public record HandlerEntry(String name, Handler handler, Role role, boolean needsNetwork, boolean needsCurrentLedger,
                           boolean needsClosedLedger) {
}
