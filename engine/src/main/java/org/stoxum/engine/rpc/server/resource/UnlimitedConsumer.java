package org.stoxum.engine.rpc.server.resource;

/** The account of an endpoint that is never charged. */
public final class UnlimitedConsumer implements ResourceConsumer {

    /** The one instance: it holds no state. */
    public static final UnlimitedConsumer INSTANCE = new UnlimitedConsumer();

    private UnlimitedConsumer() {
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
        return true;
    }
}
