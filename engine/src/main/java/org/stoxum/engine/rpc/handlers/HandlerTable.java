package org.stoxum.engine.rpc.handlers;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stoxum.engine.rpc.server.Role;
import org.stoxum.engine.validator.ValidationCreate;

/**
 * Every command the server answers, with who may call it and what it needs (rippled's handler table,
 * node.md 3.3). Commands of stoxumd's table that this build does not answer are absent, so they get
 * {@code unknownCmd}.
 */
public final class HandlerTable {
    private final Map<String, HandlerEntry> entries = new TreeMap<>();

    private HandlerTable() {
    }

    /** The server's commands. */
    public static HandlerTable standard() {
        HandlerTable t = new HandlerTable();
        t.user("account_info", Handler.sync(AccountCommands::accountInfo));
        t.user("account_lines", Handler.sync(AccountCommands::accountLines));
        t.user("account_objects", Handler.sync(AccountCommands::accountObjects));
        t.user("account_offers", Handler.sync(AccountCommands::accountOffers));
        t.user("account_tx", Handler.sync(TransactionCommands::accountTx));
        t.user("book_offers", Handler.sync(BookOffers::bookOffers));
        t.admin("can_delete", Handler.sync(CanDelete::canDelete));
        t.admin("connect", Handler.sync(NodeCommands::connect));
        t.admin("consensus_info", Handler.sync(NodeCommands::consensusInfo));
        t.user("fee", Handler.sync(NodeCommands::fee));
        t.admin("fetch_info", Handler.sync(FetchInfo::fetchInfo));
        t.add("ledger_accept", NodeCommands::ledgerAccept, Role.ADMIN, false, true);
        t.user("ledger", Handler.sync(LedgerCommands::ledger));
        t.user("ledger_closed", Handler.sync(NodeCommands::ledgerClosed));
        t.add("ledger_current", Handler.sync(NodeCommands::ledgerCurrent), Role.USER, false, true);
        t.user("ledger_data", Handler.sync(LedgerCommands::ledgerData));
        t.user("ledger_entry", Handler.sync(LedgerCommands::ledgerEntry));
        t.admin("log_level", Handler.sync(NodeCommands::logLevel));
        t.admin("logrotate", Handler.sync(NodeCommands::logRotate));
        t.admin("peers", Handler.sync(NodeCommands::peers));
        t.user("ping", Handler.sync(NodeCommands::ping));
        t.user("random", Handler.sync(NodeCommands::random));
        t.user("server_info", Handler.sync(ServerInfo::serverInfo));
        t.user("server_state", Handler.sync(ServerInfo::serverState));
        t.user("sign", Handler.sync(SigningCommands::sign));
        t.user("sign_for", Handler.sync(SigningCommands::signFor));
        t.admin("stop", Handler.sync(NodeCommands::stop));
        t.add("submit", SigningCommands::submit, Role.USER, false, true);
        t.add("submit_multisigned", SigningCommands::submitMultiSigned, Role.USER, false, true);
        t.user("subscribe", Handler.sync(SubscriptionCommands::subscribe));
        t.user("transaction_entry", Handler.sync(TransactionCommands::transactionEntry));
        t.add("tx", Handler.sync(TransactionCommands::tx), Role.USER, true, false);
        t.admin("unl_list", Handler.sync(NodeCommands::unlList));
        t.user("unsubscribe", Handler.sync(SubscriptionCommands::unsubscribe));
        t.admin("validation_create", Handler.sync(ctx -> ValidationCreate.answer(ctx.params(), ctx.profile())));
        t.admin("validation_seed", Handler.sync(NodeCommands::validationSeed));
        t.user("version", Handler.sync(NodeCommands::version));
        t.admin("wallet_propose", Handler.sync(WalletCommands::walletPropose));
        return t;
    }

    private void user(String name, Handler h) {
        add(name, h, Role.USER, false, false);
    }

    private void admin(String name, Handler h) {
        add(name, h, Role.ADMIN, false, false);
    }

    private void add(String name, Handler h, Role role, boolean needsNetwork, boolean needsCurrentLedger) {
        entries.put(name, new HandlerEntry(name, h, role, needsNetwork, needsCurrentLedger, false));
    }

    /** The command {@code name}, if the server has it. */
    public Optional<HandlerEntry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }
}
