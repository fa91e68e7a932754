package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.stoxum.engine.net.NetworkOps;

/**
 * {@code fetch_info} (admin): the ledgers this node is acquiring from its peers, with what each still needs,
 * and those that recently failed, as stoxumd's doFetchInfo answers. With {@code clear} the failures are
 * forgotten first. It is the view of a sync in progress; server_info shows only {@code complete_ledgers}.
 */
public final class FetchInfo {
    private FetchInfo() {
    }

    public static ObjectNode fetchInfo(RpcContext ctx) {
        ObjectNode out = RpcContext.object();
        Optional<NetworkOps> network = ctx.app().network();
        if (ctx.flag("clear")) {
            network.ifPresent(NetworkOps::clearLedgerFetch);
            out.put("clear", true);
        }
        out.set("info", network.map(NetworkOps::ledgerFetchInfo).orElseGet(RpcContext::object));
        return out;
    }
}
