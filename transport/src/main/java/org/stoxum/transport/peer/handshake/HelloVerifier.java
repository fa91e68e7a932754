package org.stoxum.transport.peer.handshake;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;

/**
 * stoxumd's {@code verifyHello}: the checks a hello must pass before its sender is a peer. Each failure
 * names its reason (stoxumd logs them; we also send them back in the rejection).
 */
public final class HelloVerifier {
    /** How far a peer's network clock may be from ours, in seconds. */
    public static final long CLOCK_TOLERANCE_SECONDS = 20;

    private final PublicKey ourKey;
    private final Optional<InetAddress> publicIp;

    /**
     * @param ourKey   our node key: a hello carrying it is a connection to ourselves
     * @param publicIp our configured public IP ({@code [overlay] public_ip}), if any
     */
    public HelloVerifier(PublicKey ourKey, Optional<InetAddress> publicIp) {
        this.ourKey = ourKey;
        this.publicIp = publicIp;
    }

    /**
     * Checks a hello received on a session with the given shared value.
     *
     * @param ourNetworkTime our network clock, seconds
     * @param remote         the address the peer's socket comes from
     * @return the peer's node key
     * @throws HandshakeException with the reason, when the hello fails any check
     */
    public PublicKey verify(Hello hello, byte[] sharedValue, long ourNetworkTime, InetAddress remote)
            throws HandshakeException {
        long offset = hello.networkTime() - ourNetworkTime;
        if (offset > CLOCK_TOLERANCE_SECONDS) {
            throw new HandshakeException("Clock is off by +" + offset);
        }
        if (offset < -CLOCK_TOLERANCE_SECONDS) {
            throw new HandshakeException("Clock is off by " + offset);
        }
        if (Integer.compareUnsigned(hello.protocolVersionMin(), ProtocolVersion.CURRENT) > 0) {
            throw new HandshakeException("Protocol mismatch: peer expects at least "
                    + ProtocolVersion.toString(hello.protocolVersionMin() & 0xFFFF_FFFFL) + " and we run "
                    + ProtocolVersion.toString(ProtocolVersion.CURRENT));
        }
        PublicKey key = hello.nodePublicKey();
        if (key.type() != KeyType.SECP256K1) {
            throw new HandshakeException("Unsupported public key type");
        }
        if (key.equals(ourKey)) {
            throw new HandshakeException("Self connection");
        }
        if (!SessionProof.verify(key, sharedValue, hello.sessionSignature())) {
            throw new HandshakeException("Failed to verify session");
        }
        boolean publicV4 = remote instanceof Inet4Address && IpAddresses.isPublic(remote);
        if (hello.localIp().isPresent() && publicV4 && !hello.localIp().get().equals(remote)) {
            throw new HandshakeException("Peer IP is " + remote.getHostAddress() + " not "
                    + hello.localIp().get().getHostAddress());
        }
        if (hello.remoteIp().isPresent() && IpAddresses.isPublic(remote) && publicIp.isPresent()
                && !hello.remoteIp().get().equals(publicIp.get())) {
            throw new HandshakeException("Our IP is " + publicIp.get().getHostAddress() + " not "
                    + hello.remoteIp().get().getHostAddress());
        }
        return key;
    }
}
