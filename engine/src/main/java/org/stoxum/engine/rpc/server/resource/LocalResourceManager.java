package org.stoxum.engine.rpc.server.resource;

import java.net.InetAddress;
import java.time.InstantSource;
import org.stoxum.transport.resource.ResourceLogic;

/**
 * The RPC server's view of the node's {@link ResourceLogic}: each inbound address has one decaying balance,
 * warned at {@value #WARNING_THRESHOLD} and dropped at {@value #DROP_THRESHOLD} (the original server's
 * numbers). The node shares the logic with the overlay and the cluster, as stoxumd has one resource manager:
 * an address that abuses the peer port, or another member, is refused here too.
 */
public final class LocalResourceManager implements ResourceManager {

    /** Balance at which clients are warned. */
    public static final int WARNING_THRESHOLD = ResourceLogic.WARNING_THRESHOLD;
    /** Balance at which clients are dropped. */
    public static final int DROP_THRESHOLD = ResourceLogic.DROP_THRESHOLD;
    /** Length of the decay window. */
    public static final int DECAY_WINDOW_SECONDS = ResourceLogic.DECAY_WINDOW_SECONDS;

    private final ResourceLogic logic;

    /** A manager of its own with the original thresholds on the system clock. */
    public LocalResourceManager() {
        this(new ResourceLogic());
    }

    /** A manager of its own with chosen thresholds and clock (tests, tuning). */
    public LocalResourceManager(InstantSource clock, int warningThreshold, int dropThreshold) {
        this(new ResourceLogic(() -> clock.instant().getEpochSecond(), warningThreshold, dropThreshold));
    }

    /** A view of the node's shared balances. */
    public LocalResourceManager(ResourceLogic logic) {
        this.logic = logic;
    }

    @Override
    public ResourceConsumer newInboundEndpoint(InetAddress address) {
        return new Consumer(logic.inbound(address));
    }

    @Override
    public ResourceConsumer newUnlimitedEndpoint(InetAddress address) {
        return FreeConsumer.UNLIMITED;
    }

    /** The current balance of {@code address}, 0 when unknown. */
    public int balance(InetAddress address) {
        return logic.inboundBalance(address);
    }

    /** A client's account in the RPC server's terms. */
    private final class Consumer implements ResourceConsumer {
        private final ResourceLogic.Account account;

        Consumer(ResourceLogic.Account account) {
            this.account = account;
        }

        @Override
        public Disposition charge(Charge charge) {
            return switch (logic.level(account.charge(charge.cost()))) {
                case OK -> Disposition.OK;
                case WARN -> Disposition.WARN;
                case DROP -> Disposition.DROP;
            };
        }

        @Override
        public boolean warn() {
            return account.warn(Charge.WARNING.cost());
        }

        @Override
        public boolean disconnect() {
            return account.disconnect(Charge.DROP.cost());
        }

        @Override
        public int balance() {
            return account.balance();
        }

        @Override
        public boolean isUnlimited() {
            return false;
        }
    }
}
