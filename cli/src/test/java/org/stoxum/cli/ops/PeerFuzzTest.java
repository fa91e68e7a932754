package org.stoxum.cli.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.network.TestNetwork;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.sbe.MessageHeaderEncoder;
import org.stoxum.engine.app.LedgerStart;
import org.stoxum.transport.peer.RawPeer;
import org.stoxum.transport.peer.wire.MessageType;
import org.stoxum.transport.peer.wire.OutboundMessage;

/**
 * A bounded fuzzer against a networked node's peer port. After a real handshake, peers from their own
 * loopback addresses send frames of every message type with random, truncated or mutated bodies (so
 * proposals and validations reach the engine's decoders); others send garbage before or during the
 * handshake. The node drops the misbehaving peers, keeps an honest peer connected, keeps answering
 * clients, and its heap stays bounded.
 */
class PeerFuzzTest {
    private static final int FUZZ_PEERS = 48;
    private static final int FRAMES_PER_PEER = 12;
    private static final long HEAP_GROWTH_BOUND = 96L << 20;

    @Test
    void randomTruncatedAndMutatedPeerFramesAreDroppedWhileTheNodeServesOthers() throws Exception {
        long seed = Long.getLong("stoxum.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        try (TestNetwork net = new TestNetwork(0, 1)) {
            TestNetwork.Node node = net.start(0, new LedgerStart.Genesis(true));
            InetSocketAddress peerPort = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    net.specs().get(0).peerPort);
            long heapBefore = usedHeap();

            RawPeer honest = handshake(peerPort, InetAddress.getByName("127.0.0.2"));
            List<OutboundMessage> samples = new ArrayList<>();
            for (OutboundMessage m = honest.read(500); m != null && samples.size() < 16; m = honest.read(300)) {
                samples.add(m);
            }

            int dropped = 0;
            int sent = 0;
            for (int i = 0; i < FUZZ_PEERS; i++) {
                InetAddress from = InetAddress.getByName("127.0.1." + (1 + i));
                try (RawPeer fuzzer = handshake(peerPort, from)) {
                    for (int f = 0; f < FRAMES_PER_PEER; f++) {
                        try {
                            fuzzer.sendRaw(frame(random, samples));
                            sent++;
                        } catch (java.io.IOException closed) {
                            break;
                        }
                    }
                    if (fuzzer.closedWithin(1000)) {
                        dropped++;
                    }
                }
            }
            int closedBeforeHandshake = garbageBeforeAndDuringTheHandshake(peerPort, random);

            System.out.printf("peer fuzz (seed %d): %d frames from %d peers, %d dropped; %d of 2 garbage "
                    + "connections closed before the handshake ended%n", seed, sent, FUZZ_PEERS, dropped,
                    closedBeforeHandshake);
            assertTrue(dropped > FUZZ_PEERS / 2, "the node dropped the peers that sent bad frames (" + dropped
                    + " of " + FUZZ_PEERS + ", seed " + seed + ")");
            assertTrue(closedBeforeHandshake == 2, "garbage before and during the handshake is refused");
            assertFalse(honest.closedWithin(300), "the honest peer is still connected (seed " + seed + ")");
            JsonNode peers = node.call("peers", null).path("peers");
            assertTrue(peers.size() >= 1, "the node still lists its honest peer: " + peers);
            assertNotNull(node.call("server_info", null).get("info"), "the node still answers clients");
            long growth = usedHeap() - heapBefore;
            assertTrue(growth < HEAP_GROWTH_BOUND, "the heap grew by " + (growth >> 20) + " MB");
            honest.close();
        }
    }

    private static RawPeer handshake(InetSocketAddress target, InetAddress from) throws Exception {
        RawPeer raw = RawPeer.connect(target, KeyPair.random(KeyType.SECP256K1), from);
        raw.send(raw.hello());
        OutboundMessage answer = raw.read(MessageType.HELLO, 5000);
        assertNotNull(answer, "the node answered the hello from " + from);
        return raw;
    }

    /**
     * One bad frame: a random message type with a random body (its own block length or a random one),
     * a frame whose length prefix claims more than follows, or a frame the node sent with bytes flipped.
     */
    private static byte[] frame(Random random, List<OutboundMessage> samples) {
        int kind = random.nextInt(4);
        if (kind == 3 && !samples.isEmpty()) {
            ByteBuffer f = samples.get(random.nextInt(samples.size())).frame();
            byte[] bytes = new byte[f.remaining()];
            f.get(bytes);
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                int at = 4 + random.nextInt(bytes.length - 4);
                bytes[at] ^= (byte) (1 + random.nextInt(255));
            }
            return bytes;
        }
        MessageType[] types = MessageType.values();
        MessageType type = types[random.nextInt(types.length)];
        int blockLength = kind == 1 ? random.nextInt(1 << 16) : type.blockLength();
        byte[] body = new byte[random.nextInt(600)];
        random.nextBytes(body);
        int messageLength = MessageHeaderEncoder.ENCODED_LENGTH + body.length;
        ByteBuffer b = ByteBuffer.allocate(4 + messageLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(kind == 2 ? messageLength + 1 + random.nextInt(1000) : messageLength);
        b.putShort((short) blockLength).putShort((short) type.templateId())
                .putShort((short) MessageHeaderEncoder.SCHEMA_ID).putShort((short) MessageHeaderEncoder.SCHEMA_VERSION);
        b.put(body);
        return b.array();
    }

    /**
     * Random bytes where TLS should begin, and random bytes inside TLS where the hello should be; how many
     * of the two connections the node closed within five seconds.
     */
    private static int garbageBeforeAndDuringTheHandshake(InetSocketAddress target, Random random) throws Exception {
        int closed = 0;
        byte[] junk = new byte[2048];
        random.nextBytes(junk);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.2.1"), 0));
            s.connect(target, 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(junk);
            out.flush();
            InputStream in = s.getInputStream();
            try {
                while (in.read() >= 0) {
                    // whatever the node answers before it closes
                }
                closed++;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // counted as not closed
            } catch (java.io.IOException reset) {
                closed++;
            }
        }
        try (RawPeer raw = RawPeer.connect(target, KeyPair.random(KeyType.SECP256K1),
                InetAddress.getByName("127.0.2.2"))) {
            raw.sendRaw(junk);
            if (raw.closedWithin(5000)) {
                closed++;
            }
        }
        return closed;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
