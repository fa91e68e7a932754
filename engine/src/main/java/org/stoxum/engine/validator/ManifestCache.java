package org.stoxum.engine.validator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.manifest.Manifest;

/**
 * The newest valid manifest of each master key, and the reverse map from current signing keys to their
 * masters: how validations signed with ephemeral keys are traced back to the validators a node trusts.
 *
 * <p>The rules are stoxumd's {@code ManifestCache::applyManifest}: a manifest must carry a higher sequence
 * than the one held for its master key (checked first, so stale gossip costs no signature check), then
 * verify. An accepted manifest replaces the old signing key; a revocation (the highest sequence) removes it
 * and can never be superseded, so a thief holding the master key cannot install a key of his own.
 *
 * <p>Thread-safe: lookups run in parallel; applying is serialized.
 */
public final class ManifestCache {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestCache.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<PublicKey, Manifest> byMaster = new HashMap<>();
    private final Map<PublicKey, PublicKey> masterBySigning = new HashMap<>();

    /** Adds {@code m} if it is newer than what is held for its master key and verifies. */
    public ManifestDisposition apply(Manifest m) {
        lock.writeLock().lock();
        try {
            Manifest old = byMaster.get(m.masterKey());
            if (old != null && m.sequence() <= old.sequence()) {
                LOG.debug("Manifest: Stale; master {} sequence {}, holding {}", m.masterKey(), m.sequence(),
                        old.sequence());
                return ManifestDisposition.STALE;
            }
            if (!m.verify()) {
                LOG.warn("Manifest: Invalid; master {} sequence {}", m.masterKey(), m.sequence());
                return ManifestDisposition.INVALID;
            }
            if (old != null) {
                old.signingKey().ifPresent(masterBySigning::remove);
            }
            m.signingKey().ifPresent(k -> masterBySigning.put(k, m.masterKey()));
            byMaster.put(m.masterKey(), m);
            if (m.revoked()) {
                LOG.warn("Manifest: Revoked; master {}", m.masterKey());
            } else {
                LOG.info("Manifest: Accepted{}; master {} sequence {}", old == null ? "New" : "Update",
                        m.masterKey(), m.sequence());
            }
            return ManifestDisposition.ACCEPTED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The current signing key of {@code master}; {@code master} itself when no manifest is held for it or
     * it is revoked (stoxumd's {@code getSigningKey}).
     */
    public PublicKey signingKey(PublicKey master) {
        lock.readLock().lock();
        try {
            Manifest m = byMaster.get(master);
            return m == null || m.revoked() ? master : m.signingKey().orElseThrow();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The master key whose current manifest names {@code signing}; {@code signing} itself otherwise
     * (stoxumd's {@code getMasterKey}), so a validator without manifests is known by its one key.
     */
    public PublicKey masterKey(PublicKey signing) {
        lock.readLock().lock();
        try {
            return masterBySigning.getOrDefault(signing, signing);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True when a revocation of {@code master} is held. */
    public boolean revoked(PublicKey master) {
        lock.readLock().lock();
        try {
            Manifest m = byMaster.get(master);
            return m != null && m.revoked();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The manifest held for {@code master}. */
    public Optional<Manifest> manifest(PublicKey master) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byMaster.get(master));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every manifest held, one per master key (what is sent to a new peer and saved to the wallet DB). */
    public List<Manifest> manifests() {
        lock.readLock().lock();
        try {
            return List.copyOf(byMaster.values());
        } finally {
            lock.readLock().unlock();
        }
    }
}
