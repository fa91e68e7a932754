package org.stoxum.perf.jmh;

import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;

/** SHA512Half of a typical signed-payment-sized input: ours (JDK digest) against Bouncy Castle's. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmarks {
    private final byte[] input = new byte[180];
    private final byte[] out = new byte[32];
    private final byte[] full = new byte[64];
    private final byte[] prefix = HashPrefix.TRANSACTION_ID.bytes();
    private Sha512Half ours;
    private SHA512Digest bc;

    @Setup
    public void setup() {
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31);
        }
        ours = new Sha512Half();
        bc = new SHA512Digest();
    }

    @Benchmark
    public byte[] sha512HalfOurs() {
        ours.update(HashPrefix.TRANSACTION_ID).update(input).finish(out, 0);
        return out;
    }

    @Benchmark
    public byte[] sha512HalfBouncyCastle() {
        bc.update(prefix, 0, 4);
        bc.update(input, 0, input.length);
        bc.doFinal(full, 0);
        System.arraycopy(full, 0, out, 0, 32);
        return out;
    }
}
