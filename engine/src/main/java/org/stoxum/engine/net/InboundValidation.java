package org.stoxum.engine.net;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.consensus.ValidationParms;
import org.stoxum.engine.pipeline.PeerSignedMessage;
import org.stoxum.engine.pipeline.PipelineEvent;
import org.stoxum.transport.peer.Peer;
import org.stoxum.transport.peer.resource.Charge;

/**
 * A peer's serialized validation on its way through the pipeline: parsed and judged current by a verifier
 * thread (stoxumd's PeerImp::onMessage(TMValidation)), its signature checked there too
 * (PeerImp::checkValidation), then handed to {@code onChecked} by the writer.
 *
 * <p>Charges are stoxumd's: {@link Charge#INVALID_REQUEST} for bytes that do not parse and for a bad
 * signature alike (checkValidation charges feeInvalidRequest, not feeInvalidSignature),
 * {@link Charge#UNWANTED_DATA} for a validation that is not current. An untrusted validation from a
 * non-cluster peer is dropped, uncharged, while this node's local fee is raised.
 */
final class InboundValidation implements PeerSignedMessage {
    private static final Logger LOG = LoggerFactory.getLogger(InboundValidation.class);

    private final Peer peer;
    private final byte[] bytes;
    private final Hash256 suppression;
    private final long seen;
    private final Predicate<PublicKey> trustedSigner;
    private final BooleanSupplier loadedLocal;
    private final Consumer<InboundValidation> onChecked;
    private STValidation validation;
    private Charge refusal;

    /**
     * @param suppression   the hash router's key: SHA512Half of {@code bytes}
     * @param seen          when it arrived (network time, seconds)
     * @param trustedSigner whether a signing key belongs to a trusted validator
     * @param loadedLocal   whether this node's local fee is raised (rippled's isLoadedLocal)
     * @param onChecked     what takes a well-signed validation; writer thread, must not block
     */
    InboundValidation(Peer peer, byte[] bytes, Hash256 suppression, long seen, Predicate<PublicKey> trustedSigner,
                      BooleanSupplier loadedLocal, Consumer<InboundValidation> onChecked) {
        this.peer = peer;
        this.bytes = bytes;
        this.suppression = suppression;
        this.seen = seen;
        this.trustedSigner = trustedSigner;
        this.loadedLocal = loadedLocal;
        this.onChecked = onChecked;
    }

    Peer peer() {
        return peer;
    }

    byte[] bytes() {
        return bytes;
    }

    Hash256 suppression() {
        return suppression;
    }

    long seen() {
        return seen;
    }

    /** The parsed validation (after a successful {@link #decode}). */
    STValidation validation() {
        return validation;
    }

    @Override
    public boolean decode() {
        try {
            validation = STValidation.parse(bytes, seen, false);
        } catch (CodecException e) {
            LOG.warn("Validation: Exception, {} (peer {})", e.getMessage(), peer.id());
            refusal = Charge.INVALID_REQUEST;
            return false;
        }
        if (!ValidationParms.isCurrent(seen, validation.signTime(), validation.seenTime())) {
            LOG.trace("Validation: Not current (peer {})", peer.id());
            refusal = Charge.UNWANTED_DATA;
            return false;
        }
        if (!trustedSigner.test(validation.key()) && !peer.cluster() && loadedLocal.getAsBoolean()) {
            LOG.debug("Validation: Dropping UNTRUSTED (load)");
            return false;
        }
        return true;
    }

    @Override
    public boolean verify() {
        return validation.isValid();
    }

    @Override
    public void deliver(int verdict) {
        if (verdict == PipelineEvent.GOOD) {
            onChecked.accept(this);
        } else if (verdict == PipelineEvent.BAD) {
            LOG.warn("Validation is invalid (peer {})", peer.id());
            peer.charge(Charge.INVALID_REQUEST);
        } else if (refusal != null) {
            peer.charge(refusal);
        }
    }
}
