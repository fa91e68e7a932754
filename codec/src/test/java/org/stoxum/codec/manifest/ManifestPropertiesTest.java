package org.stoxum.codec.manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.KeyType;

/** Bad bytes from the network fail with CodecException only, and no altered manifest still verifies. */
class ManifestPropertiesTest {
    private static final Manifest GOOD = Manifest.sign(ManifestTest.key(KeyType.ED25519, "master"),
            ManifestTest.key(KeyType.SECP256K1, "signing"), 9);

    @Property
    void randomBytesFailOnlyWithCodecException(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            Manifest.parse(bytes).verify();
        } catch (CodecException expected) {
            // the one error the codec raises
        }
    }

    @Property
    void randomTextFailsOnlyWithCodecException(@ForAll @Size(max = 300) String text) {
        try {
            Manifest.fromBase64(text).verify();
            ValidatorToken.decode(text).manifest();
        } catch (CodecException expected) {
            // the one error the codec raises
        }
    }

    @Property
    void anyFlippedBitBreaksTheManifestOrItsSignatures(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                       @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] bytes = GOOD.serialized();
        bytes[position % bytes.length] ^= (byte) (1 << bit);
        try {
            assertFalse(Manifest.parse(bytes).verify());
        } catch (CodecException expected) {
            // refused before verification
        }
        assertTrue(GOOD.verify());
    }
}
