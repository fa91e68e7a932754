package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import org.stoxum.engine.rpc.server.RpcError;

/**
 * Page sizes of the paging commands (rippled's {@code Tuning::LimitRange}) and how a request's
 * {@code limit} is read: the default when absent, clamped to the range unless the caller is unlimited.
 *
 * @param min      the smallest page a limited caller gets
 * @param fallback the page size when the request gives none
 * @param max      the largest page a limited caller gets
 */
public record Limits(int min, int fallback, int max) {
    public static final Limits ACCOUNT_LINES = new Limits(10, 200, 400);
    public static final Limits ACCOUNT_OBJECTS = new Limits(10, 200, 400);
    public static final Limits ACCOUNT_OFFERS = new Limits(10, 200, 400);
    public static final Limits BOOK_OFFERS = new Limits(0, 300, 400);

    /**
     * The page size the request asks for.
     *
     * @throws RpcFailure invalidParams when {@code limit} is not an unsigned integer
     */
    public long read(RpcContext ctx) {
        JsonNode v = ctx.param("limit");
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().bitLength() > 32) {
            throw new RpcFailure(RpcError.expectedField("limit", "unsigned integer"));
        }
        long limit = v.longValue();
        if (!ctx.unlimited()) {
            limit = Math.max(min, Math.min(max, limit));
        }
        return limit;
    }
}
