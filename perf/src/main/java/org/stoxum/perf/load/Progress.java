package org.stoxum.perf.load;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One self-rewriting line on stderr per phase: how far, how fast, and whatever the phase adds. Redrawn at
 * most a few times a second so a fast phase does not spend its time printing.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 250_000_000L;
    private final PrintStream out;
    private final String phase;
    private final long total;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong();
    private volatile Supplier<String> extra = () -> "";

    public Progress(PrintStream out, String phase, long total) {
        this.out = out;
        this.phase = phase;
        this.total = total;
    }

    /** Adds a live detail (result counts, ledger) to the line. */
    public Progress with(Supplier<String> detail) {
        this.extra = detail;
        return this;
    }

    public void tick() {
        add(1);
    }

    public void add(long n) {
        done.addAndGet(n);
        long now = System.nanoTime();
        long last = lastDraw.get();
        if (now - last > REDRAW_NANOS && lastDraw.compareAndSet(last, now)) {
            draw(false);
        }
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        draw(true);
    }

    private synchronized void draw(boolean last) {
        long n = done.get();
        double secs = (System.nanoTime() - start) / 1e9;
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, n * width / total);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        out.printf("\r%-8s [%s] %,d/%,d %5.1fs %,.0f/s %s", phase, bar, n, total, secs,
                secs > 0 ? n / secs : 0.0, extra.get());
        if (last) {
            out.println();
        }
        out.flush();
    }
}
