package org.stoxum.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void familiesAreWrittenWithHelpTypeAndSamplesInRegistrationOrder() {
        MetricsRegistry registry = new MetricsRegistry();
        Counter c = registry.counter("a_total", "Things done.");
        c.inc();
        c.add(2);
        AtomicLong level = new AtomicLong(7);
        registry.gauge("b", "A level.", level::get);
        assertEquals("""
                # HELP a_total Things done.
                # TYPE a_total counter
                a_total 3
                # HELP b A level.
                # TYPE b gauge
                b 7
                """, registry.scrape());
        level.set(-2);
        assertTrue(registry.scrape().contains("\nb -2\n"), "gauges are read at each scrape");
    }

    @Test
    void histogramBucketsAreCumulativeWithInfSumAndCount() {
        MetricsRegistry registry = new MetricsRegistry();
        Histogram h = registry.histogram("t_seconds", "Durations.", 0.1, 1);
        h.observe(0.05);
        h.observe(0.1);
        h.observe(0.5);
        h.observe(3);
        assertEquals("""
                # HELP t_seconds Durations.
                # TYPE t_seconds histogram
                t_seconds_bucket{le="0.1"} 2
                t_seconds_bucket{le="1"} 3
                t_seconds_bucket{le="+Inf"} 4
                t_seconds_sum 3.65
                t_seconds_count 4
                """, registry.scrape());
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        MetricsRegistry registry = new MetricsRegistry();
        LabeledCounter c = registry.labeledCounter("r_total", "Back\\slash\nnewline.", "method");
        c.inc("a\"b\\c\nd");
        assertEquals("""
                # HELP r_total Back\\\\slash\\nnewline.
                # TYPE r_total counter
                r_total{method="a\\"b\\\\c\\nd"} 1
                """, registry.scrape());
    }

    @Test
    void clientChosenLabelValuesAreCapped() {
        LabeledCounter c = new MetricsRegistry().labeledCounter("r_total", "Requests.", "method");
        for (int i = 0; i < LabeledCounter.MAX_VALUES + 50; i++) {
            c.inc("m" + i);
        }
        c.inc("m0");
        assertEquals(2, c.get("m0"));
        assertEquals(50, c.get(LabeledCounter.OTHER));
        assertEquals(0, c.get("m" + (LabeledCounter.MAX_VALUES + 10)));
    }

    @Test
    void registeringAgainReturnsTheSameFamilyButNotUnderAnotherType() {
        MetricsRegistry registry = new MetricsRegistry();
        Counter first = registry.counter("x_total", "X.");
        assertSame(first, registry.counter("x_total", "X."));
        assertThrows(IllegalArgumentException.class, () -> registry.histogram("x_total", "X.", 1));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("bad name", "X."));
        assertThrows(IllegalArgumentException.class, () -> first.add(-1));
    }

    @Test
    void numbersAreSpelledAsTheFormatWants() {
        assertEquals("1", PrometheusText.number(1.0));
        assertEquals("0.25", PrometheusText.number(0.25));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("-1", PrometheusText.number(-1));
    }

    @Test
    void jvmFamiliesAreThere() {
        MetricsRegistry registry = new MetricsRegistry();
        JvmMetrics.register(registry);
        String text = registry.scrape();
        assertTrue(text.contains("\njvm_memory_heap_used_bytes "), text);
        assertTrue(text.contains("# TYPE jvm_gc_collections_total counter"), text);
        assertTrue(text.contains("jvm_gc_collections_total{gc=\""), text);
    }
}
