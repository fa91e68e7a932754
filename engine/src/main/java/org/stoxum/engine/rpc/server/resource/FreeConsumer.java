package org.stoxum.engine.rpc.server.resource;

/** An account that is never charged, warned or dropped. */
public final class FreeConsumer implements ResourceConsumer {

    /** The account of admin and identified callers. */
    public static final FreeConsumer UNLIMITED = new FreeConsumer(true);
    /** An ordinary client's account under a manager that charges nobody. */
    public static final FreeConsumer INBOUND = new FreeConsumer(false);

    private final boolean unlimited;

    private FreeConsumer(boolean unlimited) {
        this.unlimited = unlimited;
    }

    @Override
    public Disposition charge(Charge charge) {
        return Disposition.OK;
    }

    @Override
    public boolean warn() {
        return false;
    }

    @Override
    public boolean disconnect() {
        return false;
    }

    @Override
    public int balance() {
        return 0;
    }

    @Override
    public boolean isUnlimited() {
        return unlimited;
    }
}
