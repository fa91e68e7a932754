package org.stoxum.engine.validator;

/** What {@link ManifestCache#apply} made of a manifest (stoxumd's {@code ManifestDisposition}). */
public enum ManifestDisposition {
    /** Newer than anything held for its master key, and correctly signed: now the current one. */
    ACCEPTED,
    /** Not newer than the one held (a peer with old gossip); its signatures were not even checked. */
    STALE,
    /** Newer, but a signature does not verify. */
    INVALID
}
