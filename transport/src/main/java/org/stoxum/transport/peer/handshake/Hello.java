package org.stoxum.transport.peer.handshake;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.sbe.Crawl;
import org.stoxum.codec.sbe.HelloDecoder;
import org.stoxum.codec.sbe.HelloEncoder;
import org.stoxum.codec.types.Hash256;
import org.stoxum.transport.peer.wire.FrameEncoder;
import org.stoxum.transport.peer.wire.Frames;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * What one side tells the other when a link opens (stoxumd's hello headers).
 *
 * @param protocolVersion    newest version the sender speaks ({@link ProtocolVersion} packing)
 * @param protocolVersionMin oldest version the sender speaks
 * @param networkTime        the sender's network clock, seconds since 2000-01-01
 * @param ledgerIndex        the sender's last closed ledger index, if it has one
 * @param closedLedger       hash of the sender's last closed ledger, if any
 * @param previousLedger     hash of that ledger's parent, if any
 * @param nodePublicKey      the sender's node key
 * @param crawlPublic        whether the sender lets crawlers list it (false under {@code [peer_private]})
 * @param listeningPort      the sender's peer port, 0 when it takes no inbound peers
 * @param sessionSignature   the node key's signature over this session's shared value
 * @param localIp            the sender's public IP; sent only on connections to public addresses
 * @param remoteIp           the IP the sender sees us at; likewise
 * @param userAgent          the sender's software and version
 */
public record Hello(int protocolVersion, int protocolVersionMin, long networkTime, OptionalLong ledgerIndex,
                   Optional<Hash256> closedLedger, Optional<Hash256> previousLedger, PublicKey nodePublicKey,
                   boolean crawlPublic, int listeningPort, byte[] sessionSignature,
                   Optional<InetAddress> localIp, Optional<InetAddress> remoteIp, String userAgent) {

    /** Encodes this hello as a frame. */
    public OutboundMessage encode(FrameEncoder frames) {
        HelloEncoder e = new HelloEncoder().wrapAndApplyHeader(frames.buffer(), Frames.LENGTH_BYTES, frames.header());
        e.protocolVersion(protocolVersion & 0xFFFF_FFFFL)
                .protocolVersionMin(protocolVersionMin & 0xFFFF_FFFFL)
                .networkTime(networkTime)
                .ledgerIndex(ledgerIndex.isPresent() ? ledgerIndex.getAsLong() : HelloEncoder.ledgerIndexNullValue())
                .putClosedLedger(hashOrZero(closedLedger), 0, Hash256.LENGTH)
                .putPreviousLedger(hashOrZero(previousLedger), 0, Hash256.LENGTH)
                .putNodePublicKey(nodePublicKey.toBytes(), 0, PublicKey.LENGTH)
                .crawl(crawlPublic ? Crawl.PUBLIC : Crawl.PRIVATE)
                .listeningPort(listeningPort);
        e.putSessionSignature(sessionSignature, 0, sessionSignature.length);
        byte[] local = localIp.map(InetAddress::getAddress).orElse(new byte[0]);
        e.putLocalIp(local, 0, local.length);
        byte[] remote = remoteIp.map(InetAddress::getAddress).orElse(new byte[0]);
        e.putRemoteIp(remote, 0, remote.length);
        e.userAgent(userAgent);
        return frames.finish(e.limit());
    }

    /**
     * Reads a hello.
     *
     * @throws HandshakeException "Unable to parse HELLO message" for a malformed key or address
     */
    public static Hello decode(HelloDecoder d) throws HandshakeException {
        long ledger = d.ledgerIndex();
        byte[] closed = new byte[Hash256.LENGTH];
        d.getClosedLedger(closed, 0, closed.length);
        byte[] previous = new byte[Hash256.LENGTH];
        d.getPreviousLedger(previous, 0, previous.length);
        byte[] key = new byte[PublicKey.LENGTH];
        d.getNodePublicKey(key, 0, key.length);
        Optional<PublicKey> publicKey = PublicKey.parse(key);
        Crawl crawl = d.crawl();
        int port = d.listeningPort();
        byte[] signature = new byte[d.sessionSignatureLength()];
        d.getSessionSignature(signature, 0, signature.length);
        Optional<InetAddress> local = address(readBytes(d, true));
        Optional<InetAddress> remote = address(readBytes(d, false));
        String agent = d.userAgent();
        if (publicKey.isEmpty() || local == null || remote == null || crawl == Crawl.NULL_VAL) {
            throw new HandshakeException("Unable to parse HELLO message");
        }
        return new Hello((int) d.protocolVersion(), (int) d.protocolVersionMin(), d.networkTime(),
                ledger == HelloDecoder.ledgerIndexNullValue() ? OptionalLong.empty() : OptionalLong.of(ledger),
                present(closed), present(previous), publicKey.get(), crawl == Crawl.PUBLIC, port, signature,
                local, remote, agent);
    }

    private static byte[] readBytes(HelloDecoder d, boolean local) {
        byte[] raw = new byte[local ? d.localIpLength() : d.remoteIpLength()];
        if (local) {
            d.getLocalIp(raw, 0, raw.length);
        } else {
            d.getRemoteIp(raw, 0, raw.length);
        }
        return raw;
    }

    /** Empty for no bytes, the address for 4 or 16, null (malformed) otherwise. */
    private static Optional<InetAddress> address(byte[] raw) {
        if (raw.length == 0) {
            return Optional.empty();
        }
        InetAddress a = IpAddresses.fromBytes(raw);
        return a == null ? null : Optional.of(a);
    }

    private static byte[] hashOrZero(Optional<Hash256> hash) {
        return hash.map(Hash256::toBytes).orElse(new byte[Hash256.LENGTH]);
    }

    private static Optional<Hash256> present(byte[] hash) {
        Hash256 h = Hash256.of(hash);
        return h.isZero() ? Optional.empty() : Optional.of(h);
    }
}
