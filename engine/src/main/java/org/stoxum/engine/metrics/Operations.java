package org.stoxum.engine.metrics;

/**
 * What the RPC server asks the node for on its operator endpoints: {@code GET /health} and
 * {@code GET /metrics}. The server also counts its own work (requests by method, connections) in
 * {@link #registry()}.
 */
public interface Operations {

    /** The node's health now. */
    HealthReport health();

    /** The registry {@code /metrics} shows. */
    MetricsRegistry registry();

    /**
     * Operations of a server without a node behind it (tests, tools): always healthy, and a registry
     * holding the JVM's figures and whatever the server counts.
     */
    static Operations basic() {
        MetricsRegistry registry = new MetricsRegistry();
        JvmMetrics.register(registry);
        return new Operations() {
            @Override
            public HealthReport health() {
                return HealthReport.healthy();
            }

            @Override
            public MetricsRegistry registry() {
                return registry;
            }
        };
    }
}
