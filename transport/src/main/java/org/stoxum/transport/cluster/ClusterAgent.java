package org.stoxum.transport.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's duty cycle, on one thread: take frames from our subscription, take the engine's requests
 * from the command queue, greet members whose link has just connected, send our report on schedule, send
 * batches that have waited long enough, and take back expired imports. It alone writes the member and
 * import tables, the links and the outbox.
 */
final class ClusterAgent implements Agent, FrameHandler {
    /** Only balances this large are gossiped (stoxumd's {@code minimumGossipBalance}). */
    static final long MIN_GOSSIP_BALANCE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAgent.class);
    private static final int FRAGMENT_LIMIT = 16;
    private static final int COMMAND_LIMIT = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Our side of the link to one member: a publication to its endpoint, our session on it, and the
     * frames Aeron could not take yet (back pressure, or the member unreachable for a moment), which go
     * first and in order, since the member takes only ever higher sequence numbers.
     */
    static final class Link {
        final ClusterMember member;
        final byte[] receiverKey;
        final ExclusivePublication publication;
        final long sessionId = RANDOM.nextLong();
        final ArrayDeque<Pending> backlog = new ArrayDeque<>();
        long backlogBytes;
        long sequence;
        boolean connected;

        Link(ClusterMember member, ExclusivePublication publication) {
            this.member = member;
            this.receiverKey = member.publicKey().toBytes();
            this.publication = publication;
        }
    }

    /** A sealed frame waiting for its link, and when it was stamped. */
    private record Pending(byte[] frame, long sentTime) {
    }

    /** What the agent shares with the engine-facing {@link Cluster}. */
    record Shared(MemberTable members, VerdictCache verdicts, CommandQueue commands, ClusterCounters counters,
                  AtomicLong localFee, AtomicBoolean reportRequested) {
    }

    private final ClusterConfig config;
    private final PublicKey self;
    private final EpochClock clock;
    /** The Aeron client's conductor, run on this thread rather than its own (two cores). */
    private final AgentInvoker aeronInvoker;
    private final Subscription subscription;
    private final List<Link> links;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final FrameWriter writer;
    private final FrameAuthenticator authenticator;
    private final FrameReader reader = new FrameReader();
    private final ImportTable imports;
    private final Outbox outbox;
    private final Shared shared;
    private final ClusterListener listener;
    private final Supplier<List<LoadSource>> loadSources;
    private final ImportTable.BalanceSink balanceSink = this::remoteBalance;
    private final long reportIntervalMs;
    private final long maxBacklogBytes;
    private final long maxClockSkewMs;
    private final UnsafeBuffer backlogView = new UnsafeBuffer(0, 0);
    private long now;
    private long nextReport;

    ClusterAgent(ClusterConfig config, AgentInvoker aeronInvoker, Subscription subscription, List<Link> links,
                 Shared shared, ClusterListener listener, Supplier<List<LoadSource>> loadSources) {
        this.config = config;
        this.self = config.nodeKey().publicKey();
        this.clock = config.clock();
        this.aeronInvoker = aeronInvoker;
        this.subscription = subscription;
        this.links = List.copyOf(links);
        this.writer = new FrameWriter(config.nodeKey(), config.maxFrameLength());
        this.authenticator = new FrameAuthenticator(self, config.members(), config.maxClockSkew().toMillis());
        this.imports = new ImportTable(config.importExpiry());
        this.outbox = new Outbox(config.batchInterval().toMillis());
        this.shared = shared;
        this.listener = listener;
        this.loadSources = loadSources;
        this.reportIntervalMs = config.reportInterval().toMillis();
        this.maxBacklogBytes = 4L * config.termLength();
        this.maxClockSkewMs = config.maxClockSkew().toMillis();
    }

    @Override
    public String roleName() {
        return "stoxum-cluster";
    }

    @Override
    public int doWork() {
        now = clock.time();
        int work = aeronInvoker.invoke();
        work += subscription.poll(assembler, FRAGMENT_LIMIT);
        work += drainBacklogs();
        work += shared.commands().drain(outbox, now, COMMAND_LIMIT);
        work += greetNewLinks();
        if (shared.reportRequested().getAndSet(false) | now >= nextReport) {
            report();
            broadcast();
            nextReport = now + reportIntervalMs;
            work++;
        }
        if (outbox.isDue(now)) {
            flush();
            work++;
        }
        imports.expire(now, balanceSink);
        return work;
    }

    /** Takes back every imported balance, so the resource manager is left with local charges only. */
    @Override
    public void onClose() {
        imports.clear(balanceSink);
    }

    // ---- inbound -------------------------------------------------------------------------------------

    private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        FrameAuthenticator.Outcome outcome = authenticator.authenticate(buffer, offset, length, now);
        if (outcome != FrameAuthenticator.Outcome.ACCEPTED) {
            refused(outcome.counter, header);
            return;
        }
        if (reader.read(buffer, offset, authenticator.messageLength(), authenticator.sender(), this)) {
            shared.counters().increment(ClusterCounter.FRAMES_ACCEPTED);
        } else {
            refused(ClusterCounter.REJECTED_MALFORMED, header);
        }
    }

    private void refused(ClusterCounter counter, Header header) {
        shared.counters().increment(counter);
        if (shared.counters().get(counter) == 1) {
            LOG.warn("cluster: refused a frame ({}) from Aeron session {}; further ones are only counted",
                    counter, header.sessionId());
        } else {
            LOG.debug("cluster: refused a frame ({})", counter);
        }
    }

    @Override
    public void onHello(PublicKey from) {
        for (Link l : links) {
            if (l.member.publicKey().equals(from)) {
                report();
                send(l);
            }
        }
    }

    @Override
    public void onReport(PublicKey from, MemberTable.Report own, List<MemberTable.Report> others,
                         List<LoadSource> sources) {
        if (shared.members().update(from, own.name(), own.loadFee(), own.reportTime(), own.address())) {
            imports.replace(from, sources, now, balanceSink);
        }
        for (MemberTable.Report r : others) {
            if (!r.key().equals(self)) {
                shared.members().update(r.key(), "", r.loadFee(), r.reportTime(), "");
            }
        }
    }

    @Override
    public void onMark(PublicKey from, Hash256 hash, Verdict verdict) {
        if (shared.verdicts().record(hash, verdict)) {
            guard(() -> listener.onVerdict(hash, verdict, from));
        }
    }

    @Override
    public void onTransaction(PublicKey from, byte[] raw, boolean deferred) {
        guard(() -> listener.onTransaction(raw, deferred, from));
    }

    @Override
    public void onCharges(PublicKey from, List<LoadSource> charges) {
        imports.upsert(from, charges, now, balanceSink);
    }

    private void remoteBalance(String address, long delta) {
        guard(() -> listener.onRemoteBalance(address, delta));
    }

    private void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            shared.counters().increment(ClusterCounter.ERRORS);
            LOG.warn("cluster: listener failed", e);
        }
    }

    // ---- outbound ------------------------------------------------------------------------------------

    private int greetNewLinks() {
        int work = 0;
        for (Link l : links) {
            boolean connected = l.publication.isConnected();
            if (connected && !l.connected) {
                writer.hello();
                send(l);
                work++;
            }
            l.connected = connected;
        }
        return work;
    }

    /** Encodes a fresh report of ours (and records it as our own entry) into the writer. */
    private void report() {
        MemberTable.Report last = shared.members().report(self);
        long reportTime = last == null ? now : Math.max(now, last.reportTime() + 1);
        long fee = shared.localFee().get();
        shared.members().update(self, config.name(), fee, reportTime, config.address());
        List<LoadSource> sources = exportedSources();
        int taken = writer.report(reportTime, fee, shared.members().othersReports(), sources, config.name(),
                config.address());
        if (taken < sources.size()) {
            shared.counters().increment(ClusterCounter.LOAD_SOURCES_TRUNCATED);
        }
    }

    private List<LoadSource> exportedSources() {
        List<LoadSource> out = new ArrayList<>();
        try {
            for (LoadSource s : loadSources.get()) {
                if (s.balance() >= MIN_GOSSIP_BALANCE) {
                    out.add(s);
                }
            }
        } catch (RuntimeException e) {
            shared.counters().increment(ClusterCounter.ERRORS);
            LOG.warn("cluster: exporting load sources failed", e);
        }
        out.sort(Comparator.comparingLong(LoadSource::balance).reversed());
        return out;
    }

    private void flush() {
        for (int i = 0; i < outbox.marks.size(); ) {
            i += writer.marks(outbox.marks, i);
            broadcast();
        }
        for (int i = 0; i < outbox.transactions.size(); ) {
            i += writer.transactions(outbox.transactions, i);
            broadcast();
        }
        for (int i = 0; i < outbox.charges.size(); ) {
            i += writer.charges(outbox.charges, i);
            broadcast();
        }
        outbox.clear();
    }

    private void broadcast() {
        for (Link l : links) {
            send(l);
        }
    }

    /**
     * Seals the writer's message for {@code link} and offers it, behind any backlog. A frame Aeron cannot
     * take now waits in the backlog until the member could no longer accept its stamp; a frame that would
     * overfill the backlog, or meets a closed link, is dropped and counted: cluster traffic is best effort.
     */
    private void send(Link link) {
        int length = writer.seal(link.receiverKey, link.sessionId, ++link.sequence, now);
        if (link.backlog.isEmpty()) {
            long result = link.publication.offer(writer.buffer(), 0, length);
            if (result > 0) {
                shared.counters().increment(ClusterCounter.FRAMES_SENT);
                return;
            }
            if (!isRetryable(result)) {
                shared.counters().increment(ClusterCounter.SEND_FAILED);
                return;
            }
        }
        if (link.backlogBytes + length > maxBacklogBytes) {
            shared.counters().increment(ClusterCounter.SEND_FAILED);
            return;
        }
        byte[] frame = new byte[length];
        writer.buffer().getBytes(0, frame);
        link.backlog.addLast(new Pending(frame, now));
        link.backlogBytes += length;
    }

    private int drainBacklogs() {
        int work = 0;
        for (Link link : links) {
            while (!link.backlog.isEmpty()) {
                Pending p = link.backlog.peekFirst();
                long result = 0;
                if (now - p.sentTime <= maxClockSkewMs) {
                    backlogView.wrap(p.frame);
                    result = link.publication.offer(backlogView, 0, p.frame.length);
                    if (result < 0 && isRetryable(result)) {
                        break;
                    }
                }
                link.backlog.removeFirst();
                link.backlogBytes -= p.frame.length;
                shared.counters().increment(result > 0 ? ClusterCounter.FRAMES_SENT : ClusterCounter.SEND_FAILED);
                work++;
            }
        }
        return work;
    }

    private static boolean isRetryable(long offerResult) {
        return offerResult == Publication.BACK_PRESSURED || offerResult == Publication.ADMIN_ACTION
                || offerResult == Publication.NOT_CONNECTED;
    }
}
