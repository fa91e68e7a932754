package org.stoxum.cli.commandline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.NodeConfigLoader;

/** Which server client mode talks to (setup_Client): the first http/https port, then the overrides. */
class ClientTargetTest {
    @TempDir
    Path dir;

    private NodeConfig config(String ports) {
        return NodeConfigLoader.parse("t.cfg", ports + "\n[node_db]\ntype=lmdb\npath=db\n", Optional.empty(), dir,
                dir.resolve("data"), true);
    }

    @Test
    void theEmbeddedDefaultsPointAtLoopback() {
        ClientTarget t = ClientTarget.resolve(NodeConfigLoader.embeddedDefaults(dir, false), CommandLineParser.parse("ping"))
                .orElseThrow();
        assertEquals(new ClientTarget("127.0.0.1", 51232, false, "", "", "", ""), t);
    }

    @Test
    void theFirstHttpPortWinsAndAWildcardBecomesLoopback() {
        NodeConfig c = config(String.join("\n",
                "[server]", "ws", "rpc", "rpc2",
                "[ws]", "ip=127.0.0.1", "port=6006", "protocol=ws",
                "[rpc]", "ip=0.0.0.0", "port=5005", "protocol=https", "user=u", "password=p", "admin_user=au",
                "admin_password=ap",
                "[rpc2]", "ip=127.0.0.1", "port=5006", "protocol=http"));
        ClientTarget t = ClientTarget.resolve(c, CommandLineParser.parse("ping")).orElseThrow();
        assertEquals(new ClientTarget("127.0.0.1", 5005, true, "u", "p", "au", "ap"), t);
    }

    @Test
    void commandLineOverridesAddressAndPort() {
        NodeConfig c = config("[server]\nrpc\n[rpc]\nip=127.0.0.1\nport=5005\nprotocol=http\nadmin_user=au\n");
        ClientTarget t = ClientTarget.resolve(c, CommandLineParser.parse("--rpc_ip", "10.0.0.7", "--rpc_port", "7000", "ping"))
                .orElseThrow();
        assertEquals(new ClientTarget("10.0.0.7", 7000, false, "", "", "au", ""), t);
    }

    @Test
    void withoutAnHttpPortOnlyBothOverridesWill() {
        NodeConfig c = config("[server]\nws\n[ws]\nip=127.0.0.1\nport=6006\nprotocol=ws\n");
        assertTrue(ClientTarget.resolve(c, CommandLineParser.parse("ping")).isEmpty());
        assertTrue(ClientTarget.resolve(c, CommandLineParser.parse("--rpc_port", "5", "ping")).isEmpty());
        assertEquals(Optional.of(new ClientTarget("10.0.0.1", 5, false, "", "", "", "")),
                ClientTarget.resolve(c, CommandLineParser.parse("--rpc_ip", "10.0.0.1", "--rpc_port", "5", "ping")));
    }

    @Test
    void authorizeAddsTheAdminCredentials() {
        NodeConfig c = config("[server]\nrpc\n[rpc]\nip=127.0.0.1\nport=5005\nprotocol=http\nadmin_user=au\nadmin_password=ap\n");
        ClientTarget t = ClientTarget.resolve(c, CommandLineParser.parse("stop")).orElseThrow();
        ClientRequest.Call call = (ClientRequest.Call) new ClientCommandParser(NetworkProfile.STOXUM).parse(List.of("stop"));
        ClientRequest.Call sent = t.authorize(call);
        assertEquals("au", sent.params().get(0).get("admin_user").asText());
        assertEquals("ap", sent.params().get(0).get("admin_password").asText());
    }
}
