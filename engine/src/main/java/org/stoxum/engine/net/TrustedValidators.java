package org.stoxum.engine.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.engine.config.NodeKeyEntry;
import org.stoxum.engine.consensus.ValidatorQuorum;
import org.stoxum.engine.validator.ManifestCache;

/**
 * The validators this node listens to (rippled's {@code ValidatorList} over {@code [validators]}): master keys
 * from the config, mapped to their current signing keys by manifests, with the quorum recomputed at the
 * start of every round. Thread-safe.
 */
public final class TrustedValidators {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedValidators.class);

    private final List<PublicKey> listed;
    private final PublicKey localMaster;
    private final ManifestCache manifests;
    private final OptionalInt minimumQuorum;
    private final Random random = new Random();
    private volatile ValidatorQuorum.TrustedSet<PublicKey> current;

    /**
     * @param listed        the {@code [validators]} master keys
     * @param localMaster   our validator master key, or null when we do not validate
     * @param minimumQuorum {@code --quorum}
     */
    public TrustedValidators(List<NodeKeyEntry> listed, PublicKey localMaster, ManifestCache manifests,
                             OptionalInt minimumQuorum) {
        this.listed = listed.stream().map(e -> PublicKey.of(e.publicKey())).toList();
        this.localMaster = localMaster;
        this.manifests = manifests;
        this.minimumQuorum = minimumQuorum;
        this.current = new ValidatorQuorum.TrustedSet<>(ValidatorQuorum.initialQuorum(minimumQuorum),
                Set.copyOf(this.listed));
    }

    /** Recomputes the trusted set and quorum (ValidatorList::onConsensusStart), given who we now hear from. */
    public ValidatorQuorum.TrustedSet<PublicKey> onConsensusStart(Set<PublicKey> seen) {
        Map<PublicKey, Integer> listings = new LinkedHashMap<>();
        for (PublicKey k : listed) {
            if (!manifests.revoked(k)) {
                listings.merge(k, 1, Integer::sum);
            }
        }
        if (localMaster != null && !manifests.revoked(localMaster)) {
            listings.merge(localMaster, 1, Integer::sum);
        }
        ValidatorQuorum.TrustedSet<PublicKey> next;
        synchronized (random) {
            next = ValidatorQuorum.onConsensusStart(listings, localMaster, seen, 1, true, minimumQuorum, random);
        }
        if (next.quorum() != current.quorum()) {
            LOG.info("validation quorum now {} of {} trusted validators", next.quorum(), next.trusted().size());
        }
        current = next;
        return next;
    }

    /** The quorum in force. */
    public int quorum() {
        return current.quorum();
    }

    /** Whether the validator whose master key is {@code master} is trusted this round. */
    public boolean trusted(PublicKey master) {
        return current.trusted().contains(master);
    }

    /** The master key behind a signing key (the key itself when no manifest maps it). */
    public PublicKey masterOf(PublicKey signing) {
        return manifests.masterKey(signing);
    }

    /** The configured master keys. */
    public List<PublicKey> listed() {
        return listed;
    }
}
