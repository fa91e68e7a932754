package org.stoxum.engine.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/** The JVM basics an operator graphs next to the node's own figures: heap, collections, threads. */
public final class JvmMetrics {

    private JvmMetrics() {
    }

    /** Adds the JVM families to {@code registry}. */
    public static void register(MetricsRegistry registry) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        registry.gauge("jvm_memory_heap_used_bytes", "Heap in use.",
                () -> memory.getHeapMemoryUsage().getUsed());
        registry.gauge("jvm_memory_heap_committed_bytes", "Heap the JVM holds from the system.",
                () -> memory.getHeapMemoryUsage().getCommitted());
        registry.gauge("jvm_memory_heap_max_bytes", "The largest heap the JVM may grow to (-1: no limit).",
                () -> memory.getHeapMemoryUsage().getMax());
        registry.gauge("jvm_threads_live", "Live threads.",
                () -> ManagementFactory.getThreadMXBean().getThreadCount());
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        registry.register(new PerCollector("jvm_gc_collections_total", "Collections run, by collector.",
                collectors, false));
        registry.register(new PerCollector("jvm_gc_collection_seconds_total",
                "Time spent collecting, by collector.", collectors, true));
    }

    /** One counter per garbage collector, read from its MXBean. */
    private record PerCollector(String name, String help, List<GarbageCollectorMXBean> collectors, boolean time)
            implements Metric {
        @Override
        public String type() {
            return "counter";
        }

        @Override
        public void collect(SampleSink out) {
            for (GarbageCollectorMXBean gc : collectors) {
                long v = time ? gc.getCollectionTime() : gc.getCollectionCount();
                out.sample("", new String[] {"gc", gc.getName()}, time ? Math.max(0, v) / 1000.0 : Math.max(0, v));
            }
        }
    }
}
