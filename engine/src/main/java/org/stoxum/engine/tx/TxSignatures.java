package org.stoxum.engine.tx;

import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.STTx;

/**
 * Verifies a transaction's signatures (rippled's {@code STTx::checkSign}): one signature by SigningPubKey,
 * or, with an empty SigningPubKey and MultiSign enabled, 1..8 signers sorted by account, each signing the
 * multi-signing data with its own account appended.
 */
public final class TxSignatures {
    /** Fewest multi-signers. */
    public static final int MIN_MULTI_SIGNERS = 1;
    /** Most multi-signers. */
    public static final int MAX_MULTI_SIGNERS = 8;

    private TxSignatures() {
    }

    /** The verdict and, when invalid, rippled's reason text. */
    public record Check(boolean valid, String reason) {
        static final Check OK = new Check(true, "");
    }

    /**
     * @param profile spells the account named in a failure reason
     */
    public static Check check(STTx tx, boolean allowMultiSign, NetworkProfile profile) {
        try {
            STObject o = tx.object();
            if (allowMultiSign && o.getBlobLength(SField.SIGNING_PUB_KEY) == 0) {
                return checkMulti(o, tx.account(), profile);
            }
            return checkSingle(o);
        } catch (RuntimeException e) {
            return new Check(false, "Internal signature check failure.");
        }
    }

    private static boolean fullyCanonical(STObject o) {
        return (o.getFlags() & TxFlags.FULLY_CANONICAL_SIG) != 0;
    }

    private static Check checkSingle(STObject o) {
        if (o.isPresent(SField.SIGNERS)) {
            return new Check(false, "Cannot both single- and multi-sign.");
        }
        boolean valid = false;
        try {
            byte[] spk = o.getBlob(SField.SIGNING_PUB_KEY);
            if (PublicKey.parse(spk).isPresent()) {
                byte[] sig = o.isPresent(SField.TXN_SIGNATURE) ? o.getBlob(SField.TXN_SIGNATURE) : new byte[0];
                valid = PublicKey.verify(spk, BinaryCodec.signingData(o), sig, fullyCanonical(o));
            }
        } catch (RuntimeException e) {
            valid = false;
        }
        return valid ? Check.OK : new Check(false, "Invalid signature.");
    }

    private static Check checkMulti(STObject o, AccountId txAccount, NetworkProfile profile) {
        if (!o.isPresent(SField.SIGNERS)) {
            return new Check(false, "Empty SigningPubKey.");
        }
        if (o.isPresent(SField.TXN_SIGNATURE)) {
            return new Check(false, "Cannot both single- and multi-sign.");
        }
        STArray signers = o.getArray(SField.SIGNERS);
        if (signers.size() < MIN_MULTI_SIGNERS || signers.size() > MAX_MULTI_SIGNERS) {
            return new Check(false, "Invalid Signers array size.");
        }
        boolean canonical = fullyCanonical(o);
        AccountId last = AccountId.ZERO;
        for (STObject signer : signers) {
            AccountId account = signer.getAccountId(SField.ACCOUNT);
            if (account.equals(txAccount)) {
                return new Check(false, "Invalid multisigner.");
            }
            if (last.equals(account)) {
                return new Check(false, "Duplicate Signers not allowed.");
            }
            if (last.compareTo(account) > 0) {
                return new Check(false, "Unsorted Signers array.");
            }
            last = account;
            boolean valid = false;
            try {
                byte[] spk = signer.getBlob(SField.SIGNING_PUB_KEY);
                if (PublicKey.parse(spk).isPresent()) {
                    valid = PublicKey.verify(spk, BinaryCodec.multiSigningData(o, account),
                            signer.getBlob(SField.TXN_SIGNATURE), canonical);
                }
            } catch (RuntimeException e) {
                valid = false;
            }
            if (!valid) {
                return new Check(false, "Invalid signature on account " + account.toAddress(profile) + ".");
            }
        }
        return Check.OK;
    }
}
