package org.stoxum.engine.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where API commands run (rippled's job queue, job type {@code clientCommand}): a fixed pool of threads,
 * so network threads never run handlers. It counts what waits and what runs, for the too-busy check and
 * for server_info's {@code load}.
 */
public final class ClientJobs implements AutoCloseable {
    /** More client jobs than this make non-admin requests answer tooBusy (rippled's Tuning). */
    public static final int MAX_QUEUED_CLIENTS = 500;

    private final ThreadPoolExecutor pool;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final int threads;

    /** @param threads worker threads (stand-alone mode uses one, as stoxumd does) */
    public ClientJobs(int threads) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "client-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues a command.
     *
     * @throws RejectedExecutionException when the node is shutting down
     */
    public void submit(Runnable job) {
        queued.incrementAndGet();
        try {
            pool.execute(() -> {
                queued.decrementAndGet();
                running.incrementAndGet();
                try {
                    job.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            throw e;
        }
    }

    /** Jobs waiting or running. */
    public int count() {
        return queued.get() + running.get();
    }

    /** True when a non-admin request should be refused with tooBusy. */
    public boolean tooBusy() {
        return count() > MAX_QUEUED_CLIENTS;
    }

    /** server_info's {@code load}: the client command job type when it has work, and the thread count. */
    public ObjectNode json() {
        ObjectNode load = JsonNodeFactory.instance.objectNode();
        var types = load.putArray("job_types");
        int waiting = queued.get();
        int inProgress = running.get();
        if (waiting > 0 || inProgress > 0) {
            ObjectNode t = types.addObject();
            t.put("job_type", "clientCommand");
            if (waiting > 0) {
                t.put("waiting", waiting);
            }
            if (inProgress > 0) {
                t.put("in_progress", inProgress);
            }
        }
        load.put("threads", threads);
        return load;
    }

    /** Stops taking jobs and waits briefly for the running ones. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
