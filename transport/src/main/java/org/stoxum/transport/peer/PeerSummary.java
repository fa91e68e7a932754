package org.stoxum.transport.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;

/**
 * A snapshot of one active peer, what the {@code peers} admin command shows.
 *
 * @param id              the connection's number
 * @param address         the peer's socket address
 * @param publicKey       its node key
 * @param inbound         true when it connected to us
 * @param cluster         true for a member of our cluster
 * @param latencyMillis   ping latency (EWMA), if measured
 * @param uptime          time since the handshake
 * @param minLedger       first ledger of the range it serves (0 when unknown)
 * @param maxLedger       last ledger of that range (0 when unknown)
 * @param closedLedger    its last closed ledger, if known
 * @param sanity          how close its ledgers are to ours
 * @param load            its resource balance
 * @param userAgent       its software
 * @param protocolVersion the packed protocol version it announced
 * @param crawlPublic     whether it lets crawlers list it
 * @param sendQueue       messages waiting to be sent to it
 */
public record PeerSummary(long id, InetSocketAddress address, PublicKey publicKey, boolean inbound, boolean cluster,
                          OptionalLong latencyMillis, Duration uptime, long minLedger, long maxLedger,
                          Optional<Hash256> closedLedger, Sanity sanity, int load, String userAgent,
                          int protocolVersion, boolean crawlPublic, int sendQueue) {
}
