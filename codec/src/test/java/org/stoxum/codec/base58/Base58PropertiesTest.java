package org.stoxum.codec.base58;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stoxum.codec.NetworkProfile;

/** The limb-wise encoder against the definition: leading zero bytes as digit 0, then the number in base 58. */
class Base58PropertiesTest {

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(80);
        Arbitrary<byte[]> zeroHeavy = Arbitraries.of((byte) 0, (byte) 0, (byte) 1, (byte) 0xFF)
                .array(byte[].class).ofMinSize(0).ofMaxSize(12);
        return Arbitraries.oneOf(any, zeroHeavy);
    }

    @Property(tries = 2000)
    void encodesAsTheDefinitionSays(@ForAll("bytes") byte[] input) {
        for (NetworkProfile p : NetworkProfile.values()) {
            assertEquals(byDefinition(input, p.alphabet()), Base58.of(p).encode(input));
        }
    }

    @Property(tries = 2000)
    void decodesWhatItEncodes(@ForAll("bytes") byte[] input) {
        Base58 b58 = Base58.of(NetworkProfile.STOXUM);
        if (input.length > 0) {
            assertArrayEquals(input, b58.decode(b58.encode(input)));
        }
    }

    private static String byDefinition(byte[] input, String alphabet) {
        StringBuilder digits = new StringBuilder();
        BigInteger n = new BigInteger(1, input);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            digits.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < input.length && input[i] == 0; i++) {
            digits.append(alphabet.charAt(0));
        }
        return digits.reverse().toString();
    }
}
