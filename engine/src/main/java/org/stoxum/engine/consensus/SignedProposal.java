package org.stoxum.engine.consensus;

import java.util.Objects;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/**
 * A proposal with its signer and signature (stoxumd's {@code RCLCxPeerPos}): what a TMProposeSet carries.
 * The signature is secp256k1 over {@code SHA512Half(PRP\0, u32 proposeSeq, u32 closeTime, prevLedger,
 * txSetHash)}; received signatures need not be fully canonical.
 *
 * @param <N> the node ID type the consensus uses for this signer
 */
public final class SignedProposal<N> implements PeerPosition<N> {
    private final PublicKey publicKey;
    private final byte[] signature;
    private final ConsensusProposal<N> proposal;

    /** A received (or our own, signed) proposal. */
    public SignedProposal(PublicKey publicKey, byte[] signature, ConsensusProposal<N> proposal) {
        this.publicKey = Objects.requireNonNull(publicKey);
        this.signature = signature.clone();
        this.proposal = Objects.requireNonNull(proposal);
    }

    /** Signs {@code proposal} with {@code key}. */
    public static <N> SignedProposal<N> sign(KeyPair key, ConsensusProposal<N> proposal) {
        return new SignedProposal<>(key.publicKey(), key.signDigest(signingHash(proposal).toBytes()), proposal);
    }

    /** The hash a proposal's signature covers. */
    public static Hash256 signingHash(ConsensusProposal<?> p) {
        return Hash256.wrap(Sha512Half.local().update(HashPrefix.PROPOSAL).updateU32(p.proposeSeq())
                .updateU32(p.closeTime()).update(p.prevLedger().toBytes()).update(p.position().toBytes())
                .finish());
    }

    /**
     * The ID the hash router suppresses duplicates by:
     * {@code SHA512Half(txSetHash, prevLedger, u32 seq, u32 closeTime, VL(publicKey), VL(signature))}.
     */
    public Hash256 suppressionId() {
        byte[] pk = publicKey.toBytes();
        return Hash256.wrap(Sha512Half.local().update(proposal.position().toBytes())
                .update(proposal.prevLedger().toBytes()).updateU32(proposal.proposeSeq())
                .updateU32(proposal.closeTime()).update(vlPrefix(pk.length)).update(pk)
                .update(vlPrefix(signature.length)).update(signature).finish());
    }

    /** Whether the signature verifies for the signer. */
    public boolean checkSign() {
        return publicKey.verifyDigest(signingHash(proposal).toBytes(), signature, false);
    }

    @Override
    public ConsensusProposal<N> proposal() {
        return proposal;
    }

    /** The signer's public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the signature (DER). */
    public byte[] signature() {
        return signature.clone();
    }

    /** rippled's VL length prefix (one, two or three bytes). */
    static byte[] vlPrefix(int length) {
        if (length <= 192) {
            return new byte[] {(byte) length};
        }
        if (length <= 12480) {
            int l = length - 193;
            return new byte[] {(byte) (193 + (l >>> 8)), (byte) l};
        }
        int l = length - 12481;
        return new byte[] {(byte) (241 + (l >>> 16)), (byte) (l >>> 8), (byte) l};
    }
}
