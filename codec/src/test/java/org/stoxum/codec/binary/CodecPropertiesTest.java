package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/** Round trips on generated objects, and no exception but CodecException on any bytes or JSON. */
class CodecPropertiesTest {
    private static final int EVERY_PREFIX_UP_TO = 16_384;

    @Property(tries = 400)
    void objectsSurviveBinaryAndJsonRoundTrips(@ForAll long seed, @ForAll NetworkProfile profile) {
        STObject o = new RandomObjects(seed).object(SField.GENERIC, 0);
        byte[] bytes = o.toBytes();
        STObject read = BinaryCodec.readObject(bytes);
        assertEquals(o, read);
        JsonNode json = o.toJson(profile);
        STObject parsed = BinaryCodec.fromJson(json, profile);
        assertEquals(o, parsed, json.toString());
        assertArrayEquals(bytes, BinaryCodec.encode(json, profile));
        assertTrue(JsonTesting.jsonEquals(json, BinaryCodec.decode(bytes, profile)));
    }

    @Property(tries = 2000)
    void randomBytesOnlyEverRaiseCodecException(@ForAll @Size(max = 300) byte[] bytes) {
        onlyCodecException(bytes);
    }

    /** Random bytes that start like real objects reach deeper into the parser. */
    @Property(tries = 2000)
    void mutatedVectorBlobsOnlyEverRaiseCodecException(@ForAll("vectorBlobs") byte[] blob, @ForAll long seed) {
        Random r = new Random(seed);
        byte[] b = blob.clone();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        onlyCodecException(b);
    }

    /**
     * Every prefix of every distinct vector blob is read by every reader. Beyond {@link #EVERY_PREFIX_UP_TO}
     * bytes (only the 284,648-byte metadata of ledger 15202439 is that long) every 1009th prefix is read,
     * since each read costs time proportional to the prefix.
     */
    @Example
    void everyTruncationOfEveryVectorBlobIsHandled() {
        int blobs = 0;
        long prefixes = 0;
        for (byte[] blob : allVectorBlobs()) {
            for (int n = 0; n < blob.length; n += n < EVERY_PREFIX_UP_TO ? 1 : 1009) {
                onlyCodecException(Arrays.copyOf(blob, n));
                prefixes++;
            }
            blobs++;
        }
        // 261 ledger entries, 1 transaction, 8 + 2 fixtures, 25 + 25 ledger blobs, 43 signed; one repeats
        assertEquals(364, blobs);
        assertTrue(prefixes > 80_000, "prefixes: " + prefixes);
    }

    @Property(tries = 1000)
    void randomJsonOnlyEverRaisesCodecException(@ForAll long seed, @ForAll NetworkProfile profile) {
        JsonNode json = new RandomJson(new Random(seed)).object(0);
        STObject o;
        try {
            o = BinaryCodec.fromJson(json, profile);
        } catch (CodecException e) {
            assertEquals("invalidParams", e.token());
            return;
        }
        try {
            o.toBytes();
        } catch (CodecException e) {
            assertEquals("invalidParams", e.token());
        }
        o.toJson(profile);
    }

    @Provide
    Arbitrary<byte[]> vectorBlobs() {
        return Arbitraries.of(allVectorBlobs()).filter(b -> b.length > 0);
    }

    /** Reads {@code bytes} every way the codec offers; anything but CodecException fails the test. */
    private static void onlyCodecException(byte[] bytes) {
        List<Consumer<byte[]>> readers = List.of(
                b -> {
                    STObject o = BinaryCodec.readObject(b);
                    o.toJson(NetworkProfile.STOXUM);
                    byte[] again = o.toBytes();
                    try {
                        // re-serialization is canonical: reading it back gives a fixed point
                        assertArrayEquals(again, BinaryCodec.readObject(again).toBytes());
                    } catch (CodecException e) {
                        // rippled too may write what it cannot read (a path step whose only part was zero)
                        assertEquals("invalidParams", e.token());
                    }
                },
                BinaryCodec::readTransaction,
                BinaryCodec::readLedgerEntry,
                BinaryCodec::readMetadata);
        for (Consumer<byte[]> reader : readers) {
            try {
                reader.accept(bytes);
            } catch (CodecException e) {
                assertEquals("invalidParams", e.token(), e.getMessage());
            }
        }
    }

    private static List<byte[]> allVectorBlobs() {
        List<byte[]> out = new ArrayList<>();
        for (NetworkProfile p : NetworkProfile.values()) {
            JsonNode codec = JsonTesting.codecVectors(p);
            codec.at("/codec_fixtures/accountState").forEach(v -> out.add(hex(v, "binary")));
            codec.at("/codec_fixtures/transactions").forEach(v -> out.add(hex(v, "binary")));
            codec.get("tx_fixtures").forEach(v -> {
                out.add(hex(v, "binary"));
                if (v.has("meta_binary")) {
                    out.add(hex(v, "meta_binary"));
                }
            });
            codec.get("ledger_transactions").forEach(v -> {
                out.add(hex(v, "tx_blob"));
                out.add(hex(v, "meta_blob"));
            });
            JsonTesting.signedTransactions(p).get("vectors").forEach(v -> out.add(hex(v, "tx_blob_hex")));
        }
        // both profiles hold the same bytes; keep one copy of each
        List<byte[]> distinct = new ArrayList<>();
        for (byte[] b : out) {
            if (distinct.stream().noneMatch(d -> Arrays.equals(d, b))) {
                distinct.add(b);
            }
        }
        return distinct;
    }

    private static byte[] hex(JsonNode v, String member) {
        return Hex.decode(v.get(member).asText());
    }

    /** Random JSON shaped like transactions: real and unknown names, values of every JSON kind. */
    private static final class RandomJson {
        private static final List<String> NAMES = new ArrayList<>();

        static {
            SField.knownFields().forEach(f -> NAMES.add(f.name()));
            NAMES.addAll(List.of("Foo", "2/50", "ObjectEndMarker", "Generic"));
            NAMES.sort(null);
        }

        private final Random r;

        RandomJson(Random r) {
            this.r = r;
        }

        ObjectNode object(int depth) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = r.nextInt(6); i > 0; i--) {
                o.set(NAMES.get(r.nextInt(NAMES.size())), value(depth));
            }
            return o;
        }

        private JsonNode value(int depth) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (r.nextInt(depth > 3 ? 8 : 11)) {
                case 0 -> f.nullNode();
                case 1 -> f.booleanNode(r.nextBoolean());
                case 2 -> f.numberNode(r.nextInt(600) - 100);
                case 3 -> f.numberNode(r.nextLong());
                case 4 -> f.numberNode(r.nextDouble());
                case 5 -> f.textNode(Integer.toString(r.nextInt(1000)));
                case 6 -> f.textNode(Hex.encode(bytes(r.nextInt(34))));
                case 7 -> f.textNode(List.of("", "Payment", "tesSUCCESS", "USD", "XRP", "STM", "0x1F", " 12",
                        "rrrrrrrrrrrrrrrrrrrrrhoLvTp", "xxxxxxxxxxxxxxxxxxxxxV3qM6d").get(r.nextInt(10)));
                case 8 -> object(depth + 1);
                case 9 -> {
                    var a = f.arrayNode();
                    for (int i = r.nextInt(3); i > 0; i--) {
                        ObjectNode wrapper = f.objectNode();
                        wrapper.set(NAMES.get(r.nextInt(NAMES.size())), r.nextBoolean() ? object(depth + 1) : value(depth + 1));
                        a.add(r.nextInt(5) == 0 ? value(depth + 1) : wrapper);
                    }
                    yield a;
                }
                default -> {
                    var paths = f.arrayNode();
                    var path = f.arrayNode();
                    ObjectNode step = f.objectNode();
                    step.set(List.of("account", "currency", "issuer").get(r.nextInt(3)), value(depth + 1));
                    path.add(step);
                    paths.add(path);
                    yield paths;
                }
            };
        }

        private byte[] bytes(int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }
    }
}
