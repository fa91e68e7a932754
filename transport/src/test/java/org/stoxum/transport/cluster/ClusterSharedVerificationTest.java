package org.stoxum.transport.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/** A signature checked at one member is not checked again at the others. */
class ClusterSharedVerificationTest {
    @TempDir
    Path dir;

    private record Signed(Hash256 id, byte[] message, byte[] signature) {
    }

    @Test
    void aSignatureCheckedAtOneMemberIsCheckedNowhereElse() {
        KeyPair signer = KeyPair.random(KeyType.SECP256K1);
        List<Signed> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] message = ("transaction " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = signer.sign(message);
            if (i % 10 == 0) {
                signature[signature.length - 1] ^= 1;  // every tenth is forged
            }
            batch.add(new Signed(Hash256.wrap(Sha512Half.of(message)), message, signature));
        }
        try (TestCluster c = TestCluster.start(dir, "alpha", "beta", "gamma").awaitAllUp()) {
            TestMember alpha = c.get("alpha");
            for (int i = 0; i < batch.size(); i++) {
                Signed s = batch.get(i);
                assertEquals(i % 10 != 0, alpha.checkSignature(s.id, signer.publicKey(), s.message, s.signature));
            }
            assertEquals(batch.size(), alpha.signatureChecks.get());
            for (TestMember other : List.of(c.get("beta"), c.get("gamma"))) {
                Await.until(other + " hears every verdict", () -> other.verdictsHeard.size() == batch.size(),
                        () -> other.verdictsHeard.size() + " of " + batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Signed s = batch.get(i);
                    assertEquals(i % 10 != 0, other.checkSignature(s.id, signer.publicKey(), s.message, s.signature));
                }
                assertEquals(0, other.signatureChecks.get(), other + " checked signatures itself");
            }
            int total = c.members.stream().mapToInt(m -> m.signatureChecks.get()).sum();
            assertEquals(batch.size(), total, "each signature is checked once in the whole cluster");
            for (TestMember m : c.members) {
                for (ClusterCounter refused : ClusterCounter.values()) {
                    if (refused.name().startsWith("REJECTED_")) {
                        assertEquals(0, m.cluster.count(refused), m.counters());
                    }
                }
            }
        }
    }
}
