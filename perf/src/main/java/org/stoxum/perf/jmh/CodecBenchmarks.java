package org.stoxum.perf.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.Hash256;
import org.xrpl.xrpl4j.codec.binary.XrplBinaryCodec;
import org.xrpl.xrpl4j.codec.binary.serdes.BinaryParser;
import org.xrpl.xrpl4j.codec.binary.types.STObjectType;

/**
 * Every stage of the binary codec on a real signed transaction, ours against xrpl4j's codec (the Java
 * XRP Ledger codec; the field table is rippled's, a superset of stoxumd's, so both read these bytes).
 *
 * <p>Tree-level pairs start from each codec's natural input (ours bytes, xrpl4j hex, which is what its
 * parser consumes) and stop at its natural output, so they time the codec and not Jackson. The
 * {@code Text} pairs go through xrpl4j's public facade, JSON text in and hex out or the reverse, with
 * ours doing the same conversions around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmarks {
    private static final NetworkProfile PROFILE = NetworkProfile.RIPPLE;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Param({SignedTransaction.PAYMENT_SECP256K1, SignedTransaction.PAYMENT_ISSUED})
    String tx;

    SignedTransaction vector;
    private final XrplBinaryCodec xrpl4j = XrplBinaryCodec.getInstance();
    private final SHA512Digest bcSha512 = new SHA512Digest();
    private final byte[] bcOut = new byte[64];
    private final byte[] txnPrefix = HashPrefix.TRANSACTION_ID.bytes();

    @Setup
    public void setup() {
        vector = SignedTransaction.load(tx);
    }

    // ---------------------------------------------------------------- binary -> object -> binary

    /** What a node does with a submitted blob: parse, check the template, re-serialize. */
    @Benchmark
    public byte[] binaryRoundTripOurs() {
        return BinaryCodec.readTransaction(vector.blob()).toBytes();
    }

    @Benchmark
    public String binaryRoundTripXrpl4j() {
        return new BinaryParser(vector.blobHex()).readType(STObjectType.class).toHex();
    }

    // ---------------------------------------------------------------- JSON tree -> binary

    @Benchmark
    public byte[] encodeOurs() {
        return BinaryCodec.encode(vector.txJson(), PROFILE);
    }

    @Benchmark
    public byte[] encodeXrpl4j() {
        return new STObjectType().fromJson(vector.txJson()).toBytes();
    }

    // ---------------------------------------------------------------- binary -> JSON tree

    @Benchmark
    public JsonNode decodeOurs() {
        return BinaryCodec.decode(vector.blob(), PROFILE);
    }

    @Benchmark
    public JsonNode decodeXrpl4j() {
        return new BinaryParser(vector.blobHex()).readType(STObjectType.class).toJson();
    }

    // ---------------------------------------------------------------- text in, text out

    /** JSON text to a hex blob, the shape of {@link XrplBinaryCodec#encode(String)}. */
    @Benchmark
    public String encodeTextOurs() throws JsonProcessingException {
        return Hex.encode(BinaryCodec.encode(MAPPER.readTree(vector.txJsonText()), PROFILE));
    }

    @Benchmark
    public String encodeTextXrpl4j() throws JsonProcessingException {
        return xrpl4j.encode(vector.txJsonText());
    }

    /** A hex blob to JSON text, the shape of {@link XrplBinaryCodec#decode(String)}. */
    @Benchmark
    public String decodeTextOurs() {
        return BinaryCodec.decode(Hex.decode(vector.blobHex()), PROFILE).toString();
    }

    @Benchmark
    public String decodeTextXrpl4j() {
        return xrpl4j.decode(vector.blobHex());
    }

    // ---------------------------------------------------------------- transaction ID

    @Benchmark
    public Hash256 transactionIdOurs() {
        return BinaryCodec.transactionId(vector.blob());
    }

    /** SHA512Half(TXN\0 || blob) with Bouncy Castle's SHA-512, into a fresh Hash256 as ours returns. */
    @Benchmark
    public Hash256 transactionIdBouncyCastle() {
        byte[] blob = vector.blob();
        bcSha512.update(txnPrefix, 0, 4);
        bcSha512.update(blob, 0, blob.length);
        bcSha512.doFinal(bcOut, 0);
        return Hash256.of(bcOut, 0);
    }
}
