package org.stoxum.engine.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;
import org.stoxum.engine.rpc.server.resource.ResourceManager;

/**
 * Every answer the original server gave in the oracle recordings, with its envelope stripped and
 * handed back by a replaying dispatcher, must come out of our server as the original answer.
 */
class OracleEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers each request with the next recorded result, minus what the envelope adds. */
    private static final class Replay implements RpcDispatcher {
        private final List<JsonNode> answers;
        private int next;

        Replay(List<JsonNode> answers) {
            this.answers = answers;
        }

        @Override
        public void dispatch(RpcRequest request, RpcResponder responder) {
            ObjectNode answer = (ObjectNode) answers.get(next++).deepCopy();
            answer.remove("status");
            if (answer.has("error")) {
                answer.remove("request");
            }
            responder.complete(answer);
        }
    }

    private record Exchange(String name, String method, JsonNode params, JsonNode answer) { }

    private static List<Exchange> recordings() throws IOException {
        Path oracle = SharedVectors.shared().resolve("oracle");
        List<Exchange> all = new ArrayList<>();
        for (String line : Files.readAllLines(oracle.resolve("scenario.jsonl"))) {
            JsonNode o = JSON.readTree(line);
            all.add(new Exchange(o.get("id").asText(), o.get("method").asText(), o.get("params"), o.get("answer")));
        }
        for (String dir : new String[] {"start", "nostart"}) {
            try (Stream<Path> files = Files.list(oracle.resolve(dir))) {
                for (Path f : files.sorted().toList()) {
                    JsonNode o = JSON.readTree(f.toFile());
                    JsonNode request = o.get("request");
                    JsonNode params = request.has("params") ? request.get("params").get(0) : JSON.createObjectNode();
                    all.add(new Exchange(dir + "/" + f.getFileName(), request.get("method").asText(), params,
                            o.get("response").get("result")));
                }
            }
        }
        return all;
    }

    @Test
    void everyRecordedAnswerIsReEnvelopedExactly() throws IOException {
        List<Exchange> exchanges = recordings();
        assertTrue(exchanges.size() >= 520 + 54, "oracle recordings present: " + exchanges.size());
        Replay replay = new Replay(exchanges.stream().map(Exchange::answer).toList());
        try (RpcServer server = RpcServer.start(List.of(PortConfig.builder("port_rpc", ServerFixture.LOOPBACK, 0)
                .admin(ServerFixture.LOOPBACK).build()), replay, ResourceManager.free(), ServerOptions.defaults());
                RawHttp http = RawHttp.connect(server.port("port_rpc"))) {
            int matched = 0;
            for (Exchange e : exchanges) {
                ObjectNode request = JSON.createObjectNode();
                request.put("method", e.method());
                request.putArray("params").add(e.params());
                RawHttp.Response r = http.call(request.toString());
                ObjectNode expected = JSON.createObjectNode();
                expected.set("result", e.answer());
                assertEquals(200, r.status(), e.name());
                assertEquals(RippledJsonWriter.compact(expected) + "\n\r\n", r.text(), e.name());
                assertEquals(expected, JSON.readTree(r.text()), e.name());
                matched++;
            }
            assertEquals(exchanges.size(), matched);
        }
    }
}
