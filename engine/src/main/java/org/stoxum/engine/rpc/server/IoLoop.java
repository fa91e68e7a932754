package org.stoxum.engine.rpc.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread: the only thread that touches its connections. Other threads reach them by
 * {@link #execute}, which queues a task and wakes the selector. Timers are checked on a coarse tick.
 *
 * <p>Two economies matter under load, when answers and pushed messages arrive from the ledger writer by
 * the thousand: the selector is woken (a system call) only when the loop is blocked in it, not for every
 * task queued while it runs; and connections written during a pass are flushed once at its end, so the
 * messages of one pass go out in one gathering write instead of one write each.
 */
final class IoLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Something registered with the selector besides connections (the port acceptors). */
    interface Ready {
        void onReady(SelectionKey key);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Connection> connections = new HashSet<>();
    private final List<Connection> toFlush = new ArrayList<>();
    /** True while the loop is in (or about to enter) a blocking select: only then must execute wake it. */
    private final AtomicBoolean selecting = new AtomicBoolean();
    private boolean shuttingDown;
    private long shutdownDeadline;

    IoLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Releases a loop that was never started. */
    void discard() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing selector: {}", e.getMessage());
        }
    }

    /** Runs {@code task} on this loop's thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (selecting.get() && selecting.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /** Flushes {@code connection} at the end of this pass (loop thread). */
    void flushLater(Connection connection) {
        toFlush.add(connection);
    }

    /** Registers a listening socket (on the loop thread). */
    void registerAcceptor(ServerSocketChannel channel, Ready handler) throws ClosedChannelException {
        channel.register(selector, SelectionKey.OP_ACCEPT, handler);
    }

    /** Takes over an accepted socket (on the loop thread). */
    void adopt(SocketChannel channel, PortRuntime port, ServerContext context) {
        Connection connection;
        try {
            connection = new Connection(this, channel, port, (java.net.InetSocketAddress) channel.getRemoteAddress(),
                    context);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
            connection.start(key, new HttpProtocol(connection));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not take over an accepted socket: {}", e.getMessage());
            port.release();
            try {
                channel.close();
            } catch (IOException ignored) {
                // the socket is being discarded anyway
            }
            return;
        }
        connections.add(connection);
        if (shuttingDown) {
            connection.close();
        }
    }

    void forget(Connection connection) {
        connections.remove(connection);
    }

    /** Asks the loop to wind its connections down and stop within {@code graceNanos}. */
    void beginShutdown(long graceNanos) {
        execute(() -> {
            shuttingDown = true;
            shutdownDeadline = System.nanoTime() + graceNanos;
            for (Connection c : new ArrayList<>(connections)) {
                c.shutdown();
            }
        });
    }

    /** Waits for the loop thread to end (not when called from that thread, which ends by itself). */
    boolean join(long millis) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            return true;
        }
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void run() {
        long lastTick = System.nanoTime();
        try {
            while (true) {
                select();
                runTasks();
                handleSelected();
                flushWritten();
                long now = System.nanoTime();
                if (now - lastTick >= TICK_NANOS) {
                    lastTick = now;
                    for (Connection c : new ArrayList<>(connections)) {
                        c.tick(now);
                    }
                }
                if (shuttingDown && (connections.isEmpty() || now - shutdownDeadline >= 0)) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("RPC I/O loop {} failed", thread.getName(), e);
        } finally {
            for (Connection c : new ArrayList<>(connections)) {
                c.close();
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing selector: {}", e.getMessage());
            }
        }
    }

    private void select() throws IOException {
        selecting.set(true);
        // A task queued before the flag was up did not wake us: do not block on it.
        if (tasks.isEmpty()) {
            selector.select(TimeUnit.NANOSECONDS.toMillis(TICK_NANOS));
        } else {
            selector.selectNow();
        }
        selecting.set(false);
    }

    private void flushWritten() {
        for (int i = 0; i < toFlush.size(); i++) {
            toFlush.get(i).flushPending();
        }
        toFlush.clear();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("RPC I/O task failed", e);
            }
        }
    }

    private void handleSelected() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            Object attachment = key.attachment();
            if (attachment instanceof Connection c) {
                c.onReady();
            } else if (attachment instanceof Ready r) {
                try {
                    r.onReady(key);
                } catch (RuntimeException e) {
                    LOG.warn("accepting failed", e);
                }
            }
        }
    }
}
