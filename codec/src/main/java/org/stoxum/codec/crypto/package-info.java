/**
 * Keys, seeds and signatures, bit-exact with stoxumd (rippled 0.90).
 *
 * <p>{@link org.stoxum.codec.crypto.Seed} reads every seed spelling stoxumd accepts (including
 * {@code parseGenericSeed}'s rules); {@link org.stoxum.codec.crypto.KeyPair} derives account and node keys
 * from it and signs; {@link org.stoxum.codec.crypto.PublicKey} verifies under stoxumd's acceptance rules
 * (strict DER and optional low-S for secp256k1, S &lt; L and ed25519-donna's cofactorless equation for
 * ed25519) and never throws on malformed input.
 *
 * <p>secp256k1 runs on native libsecp256k1 when it loads and on Bouncy Castle otherwise; both give the
 * same bytes. Everything here is immutable or confined, so safe to share between threads.
 */
package org.stoxum.codec.crypto;
