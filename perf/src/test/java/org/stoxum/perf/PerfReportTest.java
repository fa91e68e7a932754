package org.stoxum.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The registered pairs name benchmarks that exist, so a renamed method fails the build here rather
 * than an hour into a {@code perf/run}.
 */
class PerfReportTest {

    private static Stream<PerfReport.Side> sides() {
        return PerfReport.PAIRS.stream().flatMap(p -> Stream.of(p.ours(), p.reference()));
    }

    @Test
    void everySideIsAPublicBenchmarkMethod() throws Exception {
        for (PerfReport.Side side : sides().toList()) {
            Method m = Class.forName(side.className()).getMethod(side.methodName());
            assertNotNull(m.getAnnotation(Benchmark.class), side + " is not annotated @Benchmark");
            assertTrue(Modifier.isPublic(m.getModifiers()), side + " is not public");
        }
    }

    /** JMH would run every value of an unfixed parameter, and silently ignore an unknown one. */
    @Test
    void everyParameterIsDeclaredAndEveryMultiValuedOneIsFixed() throws Exception {
        for (PerfReport.Side side : sides().toList()) {
            Class<?> c = Class.forName(side.className());
            Set<String> declared = new HashSet<>();
            for (Field f : c.getDeclaredFields()) {
                Param param = f.getAnnotation(Param.class);
                if (param == null) {
                    continue;
                }
                declared.add(f.getName());
                List<String> values = Arrays.asList(param.value());
                String chosen = side.params().get(f.getName());
                if (values.size() > 1) {
                    assertNotNull(chosen, side + " leaves @Param " + f.getName() + " open");
                }
                if (chosen != null) {
                    assertTrue(values.contains(chosen), side + ": " + chosen + " is not one of " + values);
                }
            }
            assertTrue(declared.containsAll(side.params().keySet()),
                    side + " sets parameters the class does not declare (it has " + declared + ")");
        }
    }

    @Test
    void titlesAreUnique() {
        assertEquals(PerfReport.PAIRS.size(),
                PerfReport.PAIRS.stream().map(PerfReport.Pair::title).distinct().count());
    }
}
