package org.stoxum.codec.crypto;

import java.util.ArrayList;
import java.util.List;

/** The secp256k1 backends a test should run against: Bouncy Castle always, native where it loads. */
final class Backends {
    private Backends() {
    }

    static List<Secp256k1Backend> all() {
        List<Secp256k1Backend> list = new ArrayList<>();
        Secp256k1.nativeBackend().ifPresent(list::add);
        list.add(Secp256k1.bouncyCastle());
        return list;
    }

    static String label(Secp256k1Backend b) {
        return b == Secp256k1.bouncyCastle() ? "bc" : "native";
    }
}
