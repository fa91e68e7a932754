package org.stoxum.transport.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;

/**
 * One member of a test cluster: its {@link Cluster}, a toy resource manager fed by it, and what its
 * listener received.
 */
final class TestMember implements ClusterListener, AutoCloseable {
    final String name;
    final KeyPair key;
    final UdpEndpoint endpoint;
    final ToyResourceManager resources = new ToyResourceManager();
    final Map<Hash256, Verdict> verdictsHeard = new ConcurrentHashMap<>();
    final List<byte[]> transactionsHeard = new CopyOnWriteArrayList<>();
    /** Whether each of {@link #transactionsHeard} came deferred. */
    final List<Boolean> deferredHeard = new CopyOnWriteArrayList<>();
    /** Signatures this member checked itself. */
    final AtomicInteger signatureChecks = new AtomicInteger();
    Cluster cluster;

    TestMember(String name, KeyPair key, UdpEndpoint endpoint) {
        this.name = name;
        this.key = key;
        this.endpoint = endpoint;
    }

    ClusterMember asMember() {
        return new ClusterMember(key.publicKey(), name, endpoint);
    }

    /**
     * What the engine does with a signed message whose ID is {@code id}: ask the cluster, check the
     * signature only when no member has, and share the verdict.
     */
    boolean checkSignature(Hash256 id, PublicKey signer, byte[] message, byte[] signature) {
        Verdict known = cluster.isVerified(id);
        if (known != Verdict.UNKNOWN) {
            return known == Verdict.GOOD;
        }
        signatureChecks.incrementAndGet();
        boolean good = signer.verify(message, signature, true);
        cluster.publishVerdict(id, good);
        return good;
    }

    @Override
    public void onVerdict(Hash256 hash, Verdict verdict, PublicKey from) {
        verdictsHeard.put(hash, verdict);
    }

    @Override
    public void onTransaction(byte[] rawTransaction, boolean deferred, PublicKey from) {
        deferredHeard.add(deferred);
        transactionsHeard.add(rawTransaction);
    }

    @Override
    public void onRemoteBalance(String address, long delta) {
        resources.applyRemote(address, delta);
    }

    MemberStatus statusOf(TestMember other) {
        return cluster.members().stream().filter(m -> m.publicKey().equals(other.key.publicKey()))
                .findFirst().orElseThrow();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Every counter of this member, for failure messages. */
    String counters() {
        StringBuilder b = new StringBuilder(name).append(" {");
        for (ClusterCounter c : ClusterCounter.values()) {
            long v = cluster.count(c);
            if (v != 0) {
                b.append(' ').append(c).append('=').append(v);
            }
        }
        return b.append(" }").toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
