package org.stoxum.perf.close;

import java.util.Random;
import java.util.stream.IntStream;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.perf.load.PaymentSigner;
import org.stoxum.storage.ledger.LedgerHeader;
import org.stoxum.storage.ledger.LedgerTimes;
import org.stoxum.storage.shamap.SHAMap;
import org.stoxum.storage.shamap.SHAMapLeafType;

/**
 * Ledger 2 of a network whose state holds {@code accounts} funded AccountRoots besides genesis, built
 * straight into the state tree (funding them by payments would take minutes). The first {@code signers}
 * accounts have keys (those of the load generator), so pre-signed payments can come from them; the rest
 * are random account IDs that only receive. Every root looks like one a payment created: sequence 1,
 * 1,000 STM, and the PreviousTxnID/PreviousTxnLgrSeq threading fields.
 */
public final class AccountsLedger {
    public static final long BALANCE_DROPS = 1_000_000_000L;

    private final Ledger ledger;
    private final KeyPair[] signers;
    private final AccountId[] accounts;

    private AccountsLedger(Ledger ledger, KeyPair[] signers, AccountId[] accounts) {
        this.ledger = ledger;
        this.signers = signers;
        this.accounts = accounts;
    }

    public static AccountsLedger build(int accounts, int signers, long seed) {
        if (signers > accounts) {
            throw new IllegalArgumentException("more signers than accounts");
        }
        KeyPair[] keys = new KeyPair[signers];
        IntStream.range(0, signers).parallel().forEach(i -> keys[i] = PaymentSigner.account(i));
        AccountId[] ids = new AccountId[accounts];
        Random r = new Random(seed);
        for (int i = 0; i < accounts; i++) {
            ids[i] = i < signers ? keys[i].accountId() : AccountId.of(bytes(r, AccountId.LENGTH));
        }
        Ledger genesis = Genesis.withSupportedAmendments(NetworkProfile.STOXUM);
        SHAMap state = genesis.stateMap().mutableCopy();
        byte[] previousTxn = bytes(r, Hash256.LENGTH);
        for (AccountId id : ids) {
            state.put(accountKey(id), accountRoot(id, previousTxn));
        }
        SHAMap txs = SHAMap.empty(SHAMapLeafType.TRANSACTION_WITH_METADATA);
        int resolution = LedgerTimes.DEFAULT_RESOLUTION;
        LedgerHeader header = new LedgerHeader(2, genesis.header().drops(), genesis.hash(), txs.hash(), state.hash(),
                0, 800_000_000L, resolution, 0);
        Ledger two = Ledger.of(header, state, txs, genesis.configFees(), genesis.presets());
        return new AccountsLedger(two, keys, ids);
    }

    /**
     * The AccountRoot's key (SHA512Half of space {@code 'a'} and the account), computed here rather than
     * through {@link Keylets#account}, whose cache would otherwise keep a million keylets alive and count
     * them as state.
     */
    static Hash256 accountKey(AccountId id) {
        return Hash256.wrap(Sha512Half.of(new byte[] {0, 'a'}, id.toBytes()));
    }

    private static byte[] accountRoot(AccountId id, byte[] previousTxn) {
        STObject root = STObject.newLedgerEntry(LedgerEntryType.ACCOUNT_ROOT);
        root.setU32(SField.FLAGS, 0);
        root.setU32(SField.SEQUENCE, 1);
        root.setU32(SField.PREVIOUS_TXN_LGR_SEQ, 1);
        root.setU32(SField.OWNER_COUNT, 0);
        root.setH256(SField.PREVIOUS_TXN_ID, Hash256.wrap(previousTxn.clone()));
        root.setAmount(SField.BALANCE, STAmount.ofDrops(BALANCE_DROPS));
        root.setAccountId(SField.ACCOUNT, id);
        return root.toBytes();
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Ledger 2: genesis plus the accounts. */
    public Ledger ledger() {
        return ledger;
    }

    /** The keys of the first accounts (sequence 1 in ledger 2). */
    public KeyPair[] signers() {
        return signers;
    }

    /** Every account added, signers first. */
    public AccountId[] accounts() {
        return accounts;
    }
}
