package org.stoxum.engine.tx.jtx;

import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.AccountId;

/** A test account: a name, its master key pair (from the name as passphrase) and its id. */
public record Account(String name, KeyPair keys, AccountId id) {
    /** The secp256k1 account of passphrase {@code name}. */
    public static Account of(String name) {
        return of(name, KeyType.SECP256K1);
    }

    public static Account of(String name, KeyType type) {
        KeyPair k = KeyPair.fromSeed(Seed.fromPassphrase(name), type);
        return new Account(name, k, k.accountId());
    }

    /** The genesis account (passphrase "masterpassphrase"). */
    public static Account master() {
        return of("masterpassphrase");
    }

    @Override
    public String toString() {
        return name;
    }
}
