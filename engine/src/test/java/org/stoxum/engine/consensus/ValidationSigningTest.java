package org.stoxum.engine.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.Hash256;

/** Validations and proposals signed and checked as stoxumd does at its edge. */
class ValidationSigningTest {
    private static final KeyPair KEY = KeyPair.nodeFromSeed(Seed.fromPassphrase("masterpassphrase"),
            KeyType.SECP256K1);
    private static final Hash256 LEDGER = Hash256.fromHex("AB".repeat(32));

    private static STValidation sample() {
        return STValidation.builder(LEDGER, 600_000_000L, KEY.publicKey(), true).ledgerSequence(7).loadFee(512)
                .sign(KEY);
    }

    @Test
    void signedValidationRoundTrips() {
        STValidation v = sample();
        assertTrue(v.isValid());
        assertTrue(v.full());
        assertEquals(STValidation.FLAG_FULL | STValidation.FLAG_FULLY_CANONICAL_SIG, v.flags());
        STValidation back = STValidation.parse(v.toBytes(), 600_000_001L, true);
        assertEquals(LEDGER, back.ledgerId());
        assertEquals(7, back.seq());
        assertEquals(600_000_000L, back.signTime());
        assertEquals(600_000_001L, back.seenTime());
        assertEquals(KEY.publicKey(), back.key());
        assertEquals(512, back.loadFee().getAsLong());
        assertFalse(back.trusted(), "trust is the receiver's decision");
        assertTrue(back.received(1, true).trusted());
        assertArrayEquals(v.toBytes(), back.toBytes());
    }

    @Test
    void signingHashIsValPrefixOverFieldsWithoutSignature() {
        STValidation v = sample();
        STObject unsigned = v.toSTObject();
        unsigned.remove(SField.SIGNATURE);
        byte[] expected = Sha512Half.of(HashPrefix.VALIDATION, unsigned.toBytes());
        assertArrayEquals(expected, v.signingHash().toBytes());
        // Field order is canonical: flags (UInt32 2) first, the hash, then the blobs.
        assertEquals(0x22, v.toBytes()[0] & 0xFF);
    }

    @Test
    void tamperedValidationFailsItsSignature() {
        byte[] bytes = sample().toBytes();
        // sfLedgerSequence is 0x26 followed by 4 bytes; change the sequence.
        int at = indexOf(bytes, new byte[] {0x26, 0, 0, 0, 7});
        bytes[at + 4] = 8;
        byte[] tampered = bytes;
        assertThrows(CodecException.class, () -> STValidation.parse(tampered, 0, true));
        assertFalse(STValidation.parse(tampered, 0, false).isValid(), "cluster peers skip the check");
    }

    @Test
    void malformedValidationsAreRejected() {
        assertThrows(CodecException.class, () -> STValidation.parse(new byte[49], 0, true), "too short");
        KeyPair ed = KeyPair.fromSeed(Seed.fromPassphrase("ed"), KeyType.ED25519);
        assertThrows(CodecException.class, () -> STValidation.builder(LEDGER, 1, ed.publicKey(), false));
        STObject o = sample().toSTObject();
        o.setU32(SField.SEQUENCE, 1);
        assertThrows(CodecException.class, () -> STValidation.parse(o.toBytes(), 0, false), "foreign field");
        STObject noKey = sample().toSTObject();
        noKey.remove(SField.SIGNING_PUB_KEY);
        assertThrows(CodecException.class, () -> STValidation.parse(noKey.toBytes(), 0, false));
        STObject edKey = sample().toSTObject();
        edKey.setBlob(SField.SIGNING_PUB_KEY, ed.publicKey().toBytes());
        assertThrows(CodecException.class, () -> STValidation.parse(edKey.toBytes(), 0, false),
                "validations must be secp256k1");
        KeyPair other = KeyPair.nodeFromSeed(Seed.fromPassphrase("other"), KeyType.SECP256K1);
        assertThrows(CodecException.class,
                () -> STValidation.builder(LEDGER, 1, KEY.publicKey(), false).sign(other));
    }

    @Test
    void flagLedgerVotesAreCarried() {
        Hash256 amendment = Hash256.fromHex("42".repeat(32));
        STValidation v = STValidation.builder(LEDGER, 5, KEY.publicKey(), false).ledgerSequence(255)
                .amendments(List.of(amendment)).feeVote(10, 20_000_000, 5_000_000).sign(KEY);
        STValidation back = STValidation.parse(v.toBytes(), 5, true);
        assertEquals(List.of(amendment), back.amendments());
        assertFalse(back.full());
        assertEquals(10, back.toSTObject().getU64(SField.BASE_FEE));
    }

    @Test
    void proposalSignatureCoversSeqCloseTimeLedgerAndSet() {
        Hash256 set = Hash256.fromHex("01".repeat(32));
        ConsensusProposal<String> p = new ConsensusProposal<>(LEDGER, 3, set, 600_000_010L, 600_000_011L, "n");
        byte[] expected = Sha512Half.of(HashPrefix.PROPOSAL, new byte[] {0, 0, 0, 3},
                new byte[] {0x23, (byte) 0xC3, 0x46, 0x0A}, LEDGER.toBytes(), set.toBytes());
        assertArrayEquals(expected, SignedProposal.signingHash(p).toBytes());

        SignedProposal<String> signed = SignedProposal.sign(KEY, p);
        assertTrue(signed.checkSign());
        SignedProposal<String> moved = new SignedProposal<>(KEY.publicKey(), signed.signature(),
                p.changePosition(set, 600_000_020L, 600_000_020L));
        assertFalse(moved.checkSign(), "another seq and close time");
        // The seen time is local and not signed.
        SignedProposal<String> seenLater = new SignedProposal<>(KEY.publicKey(), signed.signature(),
                new ConsensusProposal<>(LEDGER, 3, set, 600_000_010L, 7, "n"));
        assertTrue(seenLater.checkSign());
        assertNotEquals(signed.suppressionId(), SignedProposal.sign(KEY, p.bowOut(1)).suppressionId());
        byte[] pk = KEY.publicKey().toBytes();
        byte[] sig = signed.signature();
        byte[] suppression = Sha512Half.of(set.toBytes(), LEDGER.toBytes(), new byte[] {0, 0, 0, 3},
                new byte[] {0x23, (byte) 0xC3, 0x46, 0x0A}, new byte[] {(byte) pk.length}, pk,
                new byte[] {(byte) sig.length}, sig);
        assertArrayEquals(suppression, signed.suppressionId().toBytes());
    }

    @Test
    void proposalLifecycle() {
        Hash256 set = Hash256.fromHex("01".repeat(32));
        ConsensusProposal<String> p = new ConsensusProposal<>(LEDGER, ConsensusProposal.SEQ_JOIN, set, 10, 10, "n");
        assertTrue(p.isInitial());
        ConsensusProposal<String> next = p.changePosition(set, 20, 12);
        assertEquals(1, next.proposeSeq());
        assertFalse(next.isInitial());
        assertTrue(next.isStale(12));
        assertFalse(next.isStale(11));
        ConsensusProposal<String> gone = next.bowOut(13);
        assertTrue(gone.isBowOut());
        assertEquals(ConsensusProposal.SEQ_LEAVE, gone.changePosition(set, 30, 14).proposeSeq(),
                "a bowed-out node stays out");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(hay, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
