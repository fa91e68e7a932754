package org.stoxum.engine.ledger;

import java.util.ArrayList;
import java.util.Set;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;
import org.stoxum.codec.crypto.Seed;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * The first ledger of a network (protocol.md 8.5): sequence 1, every drop held by the account of the
 * secp256k1 key of seed "masterpassphrase", and, when the founder starts with {@code --start}, an
 * Amendments object enabling the chosen amendments from the outset.
 */
public final class Genesis {
    /** The passphrase whose secp256k1 account receives every drop. */
    public static final String MASTER_PASSPHRASE = "masterpassphrase";

    private static final AccountId MASTER_ACCOUNT =
            KeyPair.fromSeed(Seed.fromPassphrase(MASTER_PASSPHRASE), KeyType.SECP256K1).accountId();

    private Genesis() {
    }

    /** The account holding every drop at genesis. */
    public static AccountId masterAccount() {
        return MASTER_ACCOUNT;
    }

    /**
     * Ledger 1 for {@code profile}.
     *
     * @param amendments the Amendments object's list (empty: no such object, as without {@code --start});
     *                   written sorted ascending, as stoxumd writes its supported set
     * @param configFees the server's fee defaults
     * @param presets    amendments the server enables regardless of the ledger
     */
    public static Ledger create(NetworkProfile profile, Set<Hash256> amendments, Fees configFees,
                                Set<Hash256> presets) {
        SHAMap state = SHAMap.empty(SHAMapLeafType.ACCOUNT_STATE);
        STObject root = STObject.newLedgerEntry(LedgerEntryType.ACCOUNT_ROOT);
        root.setU32(SField.SEQUENCE, 1);
        root.setAccountId(SField.ACCOUNT, MASTER_ACCOUNT);
        root.setAmount(SField.BALANCE, STAmount.ofDrops(profile.totalDrops()));
        state.put(Keylets.account(MASTER_ACCOUNT).key(), root.toBytes());
        if (!amendments.isEmpty()) {
            STObject sle = STObject.newLedgerEntry(LedgerEntryType.AMENDMENTS);
            ArrayList<Hash256> sorted = new ArrayList<>(amendments);
            sorted.sort(null);
            sle.setVector256(SField.AMENDMENTS, sorted);
            state.put(Keylets.amendments().key(), sle.toBytes());
        }
        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        LedgerHeader header = new LedgerHeader(1, profile.totalDrops(), Hash256.ZERO, txs.hash(), state.hash(),
                0, 0, LedgerTimes.DEFAULT_RESOLUTION, 0);
        return Ledger.of(header, state, txs, configFees, presets);
    }

    /** Ledger 1 as {@code stoxumd --start} makes it: every supported amendment enabled. */
    public static Ledger withSupportedAmendments(NetworkProfile profile) {
        return create(profile, Amendments.supported(), Fees.defaults(profile), Set.of());
    }

    /** Ledger 1 as stoxumd makes it without {@code --start}: no Amendments object. */
    public static Ledger withoutAmendments(NetworkProfile profile) {
        return create(profile, Set.of(), Fees.defaults(profile), Set.of());
    }
}
