package org.stoxum.transport.peer.resource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;
import org.stoxum.transport.resource.ResourceLogic;

/**
 * The overlay's view of the node's {@link ResourceLogic}, with stoxumd's numbers: a peer is warned at
 * {@value #WARNING_THRESHOLD} and dropped at {@value #DROP_THRESHOLD}. Sharing the logic with the RPC server
 * and the cluster, a peer address that misbehaves here is refused by the API and by the other members too.
 */
public final class LocalPeerResources implements PeerResources {
    /** Balance at which a consumer is warned. */
    public static final int WARNING_THRESHOLD = ResourceLogic.WARNING_THRESHOLD;
    /** Balance at which a consumer is disconnected. */
    public static final int DROP_THRESHOLD = ResourceLogic.DROP_THRESHOLD;
    /** Length of the decay window. */
    public static final int DECAY_WINDOW_SECONDS = ResourceLogic.DECAY_WINDOW_SECONDS;

    private final ResourceLogic logic;

    /** A manager of its own on the system clock. */
    public LocalPeerResources() {
        this(SystemEpochClock.INSTANCE);
    }

    /** A manager of its own on the given clock (milliseconds since the epoch). */
    public LocalPeerResources(EpochClock clock) {
        this(new ResourceLogic(() -> clock.time() / 1000, WARNING_THRESHOLD, DROP_THRESHOLD));
    }

    /** A view of the node's shared balances. */
    public LocalPeerResources(ResourceLogic logic) {
        this.logic = logic;
    }

    @Override
    public PeerConsumer newInboundEndpoint(InetSocketAddress remote) {
        return new Consumer(logic.inbound(remote.getAddress()));
    }

    @Override
    public PeerConsumer newOutboundEndpoint(InetSocketAddress remote) {
        return new Consumer(logic.outbound(remote));
    }

    /** The current balance of an inbound address, 0 when unknown. */
    public int inboundBalance(InetAddress address) {
        return logic.inboundBalance(address);
    }

    /** The current balance of an outbound endpoint, 0 when unknown. */
    public int outboundBalance(InetSocketAddress endpoint) {
        return logic.outboundBalance(endpoint);
    }

    /** A peer's account in the overlay's terms. */
    private final class Consumer implements PeerConsumer {
        private final ResourceLogic.Account account;

        Consumer(ResourceLogic.Account account) {
            this.account = account;
        }

        @Override
        public Disposition charge(Charge charge) {
            return switch (logic.level(account.charge(charge.units()))) {
                case OK -> Disposition.OK;
                case WARN -> Disposition.WARN;
                case DROP -> Disposition.DROP;
            };
        }

        @Override
        public boolean disconnect() {
            return account.disconnect(Charge.DROP.units());
        }

        @Override
        public int balance() {
            return account.balance();
        }
    }
}
