/**
 * What the node tells its operators: a small metrics registry (counters, gauges, histograms) written
 * in the Prometheus text exposition format 0.0.4, and the node's health as newer rippled reports it
 * on {@code GET /health}.
 *
 * <p>The registry is plain Java on purpose: a handful of counters read by one scrape every few seconds
 * do not justify a client library and its transitive jars in the distribution. Counters are
 * {@link java.util.concurrent.atomic.LongAdder}s, so hot paths (the pipeline's threads) pay one
 * uncontended add; gauges are read only when scraped.
 *
 * <p>{@link org.stoxum.engine.metrics.NodeOperations} binds both to a running
 * {@link org.stoxum.engine.app.Application}; the RPC server serves them through
 * {@link org.stoxum.engine.rpc.server.Operations}.
 */
package org.stoxum.engine.metrics;
