package org.stoxum.transport.peer.handshake;

/**
 * Peer protocol versions, packed as stoxumd packs them: major in the high 16 bits, minor in the low.
 * A peer whose oldest version is newer than ours is refused; otherwise the two speak the older of the
 * two newest versions, and SBE's schema version tells a reader which fields a message carries.
 */
public final class ProtocolVersion {
    /** The version this build speaks: 1.0, the first SBE peer protocol. */
    public static final int CURRENT = pack(1, 0);
    /** The oldest version this build still speaks. */
    public static final int MINIMUM = pack(1, 0);

    private ProtocolVersion() {
    }

    public static int pack(int major, int minor) {
        if (major < 0 || major > 0xFFFF || minor < 0 || minor > 0xFFFF) {
            throw new IllegalArgumentException("version parts are 16-bit");
        }
        return major << 16 | minor;
    }

    /** "major.minor" of a packed version. */
    public static String toString(long packed) {
        return (packed >>> 16 & 0xFFFF) + "." + (packed & 0xFFFF);
    }
}
