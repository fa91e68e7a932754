package org.stoxum.perf.load;

import java.util.stream.IntStream;
import org.stoxum.codec.Hex;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.AccountId;

/**
 * Signs STM payments locally, so the server under load spends its time applying transactions rather than
 * signing them, and the generator's own cost is paid before the clock starts.
 */
public final class PaymentSigner {
    /** The base fee of a reference transaction, in drops. */
    public static final long FEE_DROPS = 10;
    /** tfFullyCanonicalSig: what every modern client sets. */
    private static final long FULLY_CANONICAL = 0x8000_0000L;

    private PaymentSigner() {
    }

    /** A payment ready to submit: its blob in hex, as {@code submit} takes it, and its hash in hex. */
    public record Signed(String blobHex, String hash) {
    }

    /** The genesis account's keys. */
    public static KeyPair genesis() {
        return KeyPair.fromSeed(Seed.fromPassphrase("masterpassphrase"), KeyType.SECP256K1);
    }

    /** The keys of load account {@code index}: derived from a passphrase so every run reuses the same accounts. */
    public static KeyPair account(int index) {
        return KeyPair.fromSeed(Seed.fromPassphrase("stoxum-load-" + index), KeyType.SECP256K1);
    }

    /** Derives {@code count} accounts on every core, ticking {@code progress} once per account. */
    public static KeyPair[] accounts(int count, Progress progress) {
        KeyPair[] out = new KeyPair[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            out[i] = account(i);
            progress.tick();
        });
        return out;
    }

    /** Signs a payment of {@code drops} from {@code from} (at {@code sequence}) to {@code to}. */
    public static Signed sign(KeyPair from, AccountId to, long sequence, long drops) {
        STObject tx = STObject.newTransaction(TxType.PAYMENT)
                .setU32(SField.FLAGS, FULLY_CANONICAL)
                .setU32(SField.SEQUENCE, sequence)
                .setAmount(SField.AMOUNT, STAmount.ofDrops(drops))
                .setAmount(SField.FEE, STAmount.ofDrops(FEE_DROPS))
                .setBlob(SField.SIGNING_PUB_KEY, from.publicKey().toBytes())
                .setAccountId(SField.ACCOUNT, from.accountId())
                .setAccountId(SField.DESTINATION, to);
        tx.setBlob(SField.TXN_SIGNATURE, from.sign(BinaryCodec.signingData(tx)));
        byte[] blob = tx.toBytes();
        return new Signed(Hex.encode(blob), BinaryCodec.transactionId(blob).toString());
    }
}
