package org.stoxum.engine.net.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.consensus.STValidation;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.LedgerTx;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.LedgerBuilder;
import org.stoxum.storage.ledger.LedgerHeader;

/** Ledgers near flag ledgers, closed through the real LedgerBuilder, and validations that carry votes. */
final class VoteFixtures {
    static final NetworkProfile PROFILE = NetworkProfile.STOXUM;
    static final EngineSetup SETUP = EngineSetup.of(PROFILE);
    /** A close-time resolution stoxumd uses; close times in these tests are multiples of it. */
    static final int RESOLUTION = 10;

    private static final List<KeyPair> VALIDATORS = new ArrayList<>();

    private VoteFixtures() {
    }

    /**
     * A closed ledger numbered {@code seq} holding genesis state (an Amendments object listing
     * {@code enabled} when not empty), closed at {@code closeTime}.
     */
    static Ledger ledgerAt(long seq, long closeTime, Set<Hash256> enabled) {
        Ledger genesis = Genesis.create(PROFILE, enabled, Fees.defaults(PROFILE), Set.of());
        LedgerHeader h = new LedgerHeader(seq, genesis.drops(), Hash256.ZERO, genesis.txMap().hash(),
                genesis.stateMap().hash(), closeTime - RESOLUTION, closeTime, RESOLUTION, 0);
        return Ledger.of(h, genesis.stateMap(), genesis.txMap(), genesis.configFees(), Set.of());
    }

    /** The ledger after {@code parent} with {@code txs} applied, closed at {@code closeTime}. */
    static Ledger close(Ledger parent, List<STTx> txs, long closeTime) {
        return LedgerBuilder.build(SETUP, parent, txs, Hash256.ZERO, closeTime, true, RESOLUTION).ledger();
    }

    /** Empty ledgers after {@code parent}, one resolution apart, up to and including {@code seq}. */
    static Ledger closeEmptyUntil(Ledger parent, long seq) {
        Ledger l = parent;
        while (l.seq() < seq) {
            l = close(l, List.of(), l.closeTime() + RESOLUTION);
        }
        return l;
    }

    /** A signed validation of {@code ledger} by test validator {@code n}, trusted, with {@code votes}. */
    static STValidation validation(int n, Ledger ledger, Consumer<STValidation.Builder> votes) {
        KeyPair key = validator(n);
        STValidation.Builder b = STValidation.builder(ledger.hash(), ledger.closeTime(), key.publicKey(), true)
                .ledgerSequence(ledger.seq());
        votes.accept(b);
        return b.sign(key);
    }

    /** {@code count} trusted validations of {@code ledger}, each with {@code votes}. */
    static List<STValidation> validations(int count, Ledger ledger, Consumer<STValidation.Builder> votes) {
        List<STValidation> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            out.add(validation(n, ledger, votes));
        }
        return out;
    }

    static synchronized KeyPair validator(int n) {
        while (VALIDATORS.size() <= n) {
            VALIDATORS.add(KeyPair.nodeFromSeed(Seed.fromPassphrase("validator " + VALIDATORS.size()),
                    KeyType.SECP256K1));
        }
        return VALIDATORS.get(n);
    }

    /** The metadata of transaction {@code id} in {@code ledger}. */
    static STObject meta(Ledger ledger, Hash256 id) {
        LedgerTx tx = ledger.txRead(id);
        if (tx == null) {
            throw new AssertionError(id + " is not in ledger " + ledger.seq());
        }
        return tx.meta();
    }

    /** The single affected node of {@code meta}: its wrapper field (CreatedNode, ModifiedNode) and object. */
    static STObject onlyAffectedNode(STObject meta) {
        var nodes = meta.getArray(SField.AFFECTED_NODES);
        if (nodes.size() != 1) {
            throw new AssertionError("expected one affected node, got " + nodes);
        }
        return nodes.get(0);
    }
}
