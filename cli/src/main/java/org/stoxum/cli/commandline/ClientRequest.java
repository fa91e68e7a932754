package org.stoxum.cli.commandline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What client mode makes of its words: a request to send, or an answer to print without sending. */
public sealed interface ClientRequest permits ClientRequest.Call, ClientRequest.Failure {

    /**
     * A JSON-RPC call.
     *
     * @param method  the method to send ({@code batch} when the request is an array)
     * @param request what the command's parser built: an object (sent as the one element of
     *                {@code params}), an array (each element a batch item) or, in a corner of
     *                {@code ripple_path_find}, some other JSON value (sent with empty {@code params})
     * @param rpc     the command as typed, {@code {"method": word, "params": [words...]}}, which the
     *                client adds to an error answer
     */
    record Call(String method, JsonNode request, ObjectNode rpc) implements ClientRequest {
        public Call {
            request = request.deepCopy();
            rpc = rpc.deepCopy();
        }

        @Override
        public JsonNode request() {
            return request.deepCopy();
        }

        @Override
        public ObjectNode rpc() {
            return rpc.deepCopy();
        }

        /** The {@code params} array of the JSON-RPC body. */
        public ArrayNode params() {
            ArrayNode params = JsonNodeFactory.instance.arrayNode();
            if (request.isObject()) {
                params.add(request.deepCopy());
            } else if (request.isArray()) {
                request.forEach(item -> params.add(item.deepCopy()));
            }
            return params;
        }

        /** The HTTP body: {@code {"id":1,"method":...,"params":[...]}}, keys in stoxumd's (sorted) order. */
        public ObjectNode body() {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("id", 1);
            body.put("method", method);
            body.set("params", params());
            return body;
        }

        /**
         * The call with the client port's {@code admin_user}/{@code admin_password} added to the request
         * object, as stoxumd's client does; empty values are not added.
         */
        public Call withAdminCredentials(String adminUser, String adminPassword) {
            if (!request.isObject()) {
                return this;
            }
            ObjectNode r = (ObjectNode) request.deepCopy();
            if (!adminUser.isEmpty()) {
                r.put("admin_user", adminUser);
            }
            if (!adminPassword.isEmpty()) {
                r.put("admin_password", adminPassword);
            }
            return new Call(method, JsonOrder.sorted(r), rpc);
        }
    }

    /**
     * The command could not be turned into a request; {@code answer} is what stoxumd prints (an error
     * object) and {@code exitStatus} its {@code error_code}. Status 1 (badSyntax: wrong number of
     * arguments) is where stoxumd prints nothing; callers may print the usage instead.
     */
    record Failure(ObjectNode answer, int exitStatus) implements ClientRequest {
        public Failure {
            answer = answer.deepCopy();
        }

        @Override
        public ObjectNode answer() {
            return answer.deepCopy();
        }
    }
}
