package org.stoxum.engine.consensus.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.engine.consensus.STValidation;

/**
 * A byzantine validator that tells each side of the network what it wants to hear: whenever a peer of one
 * side validates a ledger, it signs its own validation of that same ledger and sends it to that side only.
 * It relays nothing, so it never bridges the sides. Its validations are correctly signed; they conflict.
 */
public final class EquivocatingValidator implements SimNode {
    private final Sim sim;
    private final int id;
    private final KeyPair key;
    private final List<PeerGroup> sides;
    private final Set<String> echoed = new HashSet<>();
    private long nextSeq = 1;
    private long lastSignTime;
    private int conflictingValidations;

    /** A validator node {@code id} playing the {@code sides} against each other. */
    public EquivocatingValidator(Sim sim, int id, List<PeerGroup> sides) {
        this.sim = sim;
        this.id = id;
        this.key = KeyPair.nodeFromSeed(Seed.fromPassphrase("byzantine " + id), KeyType.SECP256K1);
        this.sides = sides;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** How many validations it signed. */
    public int validationsSigned() {
        return conflictingValidations;
    }

    @Override
    public void receive(SimMessage.Broadcast b, int from) {
        if (!(b.message() instanceof SimMessage.Validation v)) {
            return;
        }
        STValidation val;
        try {
            val = STValidation.parse(v.bytes(), 0, true);
        } catch (CodecException e) {
            return;
        }
        for (int s = 0; s < sides.size(); s++) {
            PeerGroup side = sides.get(s);
            if (side.contains(sim.peer(b.origin())) && echoed.add(s + "/" + val.seq())) {
                long signTime = Math.max(sim.scheduler.now() / 1000 + SimPeer.EPOCH_OFFSET_S, lastSignTime + 1);
                lastSignTime = signTime;
                STValidation mine = STValidation.builder(val.ledgerId(), signTime, key.publicKey(), true)
                        .ledgerSequence(val.seq()).sign(key);
                conflictingValidations++;
                SimMessage.Broadcast out = new SimMessage.Broadcast(new SimMessage.Validation(mine.toBytes()),
                        nextSeq++, id);
                for (SimPeer p : side) {
                    sim.net.send(id, p.id(), () -> p.receive(out, id));
                }
            }
        }
    }
}
