package org.stoxum.engine.ledger;

import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Every ledger-object key of the protocol (rippled's {@code Indexes.cpp}): SHA512Half of a two-byte
 * namespace letter followed by the object's identifying parts.
 */
public final class Keylets {
    private static final int SPACE_ACCOUNT = 'a';
    private static final int SPACE_DIR_NODE = 'd';
    private static final int SPACE_OWNER_DIR = 'O';
    private static final int SPACE_BOOK_DIR = 'B';
    private static final int SPACE_OFFER = 'o';
    private static final int SPACE_RIPPLE = 'r';
    private static final int SPACE_SIGNER_LIST = 'S';
    private static final int SPACE_TICKET = 'T';
    private static final int SPACE_ESCROW = 'u';
    private static final int SPACE_PAY_CHANNEL = 'x';
    private static final int SPACE_CHECK = 'C';
    private static final int SPACE_SKIP_LIST = 's';
    private static final int SPACE_AMENDMENT = 'f';
    private static final int SPACE_FEE = 'e';

    private static final Keylet SKIP = new Keylet(LedgerEntryType.LEDGER_HASHES, hash(SPACE_SKIP_LIST).finishKey());
    private static final Keylet AMENDMENTS = new Keylet(LedgerEntryType.AMENDMENTS,
            hash(SPACE_AMENDMENT).finishKey());
    private static final Keylet FEES = new Keylet(LedgerEntryType.FEE_SETTINGS, hash(SPACE_FEE).finishKey());

    /**
     * Slots of the AccountRoot key cache. Direct-mapped and fixed in size, so its memory is bounded
     * (a few MB) whatever the number of accounts; the map it replaces held up to a million keys, 130 B
     * each, as much heap as the state of the accounts themselves.
     */
    private static final int ACCOUNT_SLOTS = 1 << 15;
    private static final CachedAccount[] ACCOUNTS = new CachedAccount[ACCOUNT_SLOTS];

    /** An account with its key: immutable, so a slot read racing a slot write sees either whole entry. */
    private record CachedAccount(AccountId account, Keylet keylet) {
    }

    private Keylets() {
    }

    /** The AccountRoot of {@code account}; remembered, since every transaction asks several times. */
    public static Keylet account(AccountId account) {
        int h = account.hashCode();
        int slot = (h ^ (h >>> 15)) & (ACCOUNT_SLOTS - 1);
        CachedAccount cached = ACCOUNTS[slot];
        if (cached != null && cached.account.equals(account)) {
            return cached.keylet;
        }
        Keylet k = new Keylet(LedgerEntryType.ACCOUNT_ROOT, hash(SPACE_ACCOUNT).account(account).finishKey());
        ACCOUNTS[slot] = new CachedAccount(account, k);
        return k;
    }

    /** The root page of {@code account}'s owner directory. */
    public static Keylet ownerDir(AccountId account) {
        return new Keylet(LedgerEntryType.DIRECTORY_NODE, hash(SPACE_OWNER_DIR).account(account).finishKey());
    }

    /** Page {@code index} of the directory whose root is {@code root}; page 0 is the root itself. */
    public static Keylet page(Hash256 root, long index) {
        if (index == 0) {
            return new Keylet(LedgerEntryType.DIRECTORY_NODE, root);
        }
        return new Keylet(LedgerEntryType.DIRECTORY_NODE, hash(SPACE_DIR_NODE).hash(root).u64(index).finishKey());
    }

    /** Page {@code index} of the directory rooted at {@code root}. */
    public static Keylet page(Keylet root, long index) {
        requireDirectory(root);
        return page(root.key(), index);
    }

    /**
     * The base (quality 0) of the order book taking {@code in} and giving {@code out}: the first 24 bytes
     * of the hash, followed by eight zero bytes.
     */
    public static Keylet book(Issue in, Issue out) {
        byte[] base = hash(SPACE_BOOK_DIR).currency(in.currency()).currency(out.currency())
                .account(in.account()).account(out.account()).finish();
        return new Keylet(LedgerEntryType.DIRECTORY_NODE, withQuality(base, 0));
    }

    /** The directory {@code dir} with its low 64 bits replaced by {@code quality} (an offer book page). */
    public static Keylet quality(Keylet dir, long quality) {
        requireDirectory(dir);
        return new Keylet(LedgerEntryType.DIRECTORY_NODE, withQuality(dir.key().toBytes(), quality));
    }

    /** The first key past every quality of the book {@code dir}: its key plus 2^64. */
    public static Keylet next(Keylet dir) {
        requireDirectory(dir);
        byte[] k = dir.key().toBytes();
        int i = 23;
        while (i >= 0 && ++k[i] == 0) {
            i--;
        }
        return new Keylet(LedgerEntryType.DIRECTORY_NODE, Hash256.wrap(k));
    }

    /** The quality stored in the low 64 bits of a book directory key. */
    public static long quality(Hash256 bookKey) {
        long q = 0;
        for (int i = 24; i < 32; i++) {
            q = (q << 8) | bookKey.byteAt(i);
        }
        return q;
    }

    /** The Offer {@code account} created with {@code sequence}. */
    public static Keylet offer(AccountId account, long sequence) {
        return new Keylet(LedgerEntryType.OFFER, hash(SPACE_OFFER).account(account).u32(sequence).finishKey());
    }

    /** The Offer stored under {@code key} (found in a directory). */
    public static Keylet offer(Hash256 key) {
        return new Keylet(LedgerEntryType.OFFER, key);
    }

    /** The trust line between {@code a} and {@code b} in {@code currency}; the smaller account comes first. */
    public static Keylet line(AccountId a, AccountId b, Currency currency) {
        AccountId low = a.compareTo(b) < 0 ? a : b;
        AccountId high = low == a ? b : a;
        return new Keylet(LedgerEntryType.RIPPLE_STATE,
                hash(SPACE_RIPPLE).account(low).account(high).currency(currency).finishKey());
    }

    /** The trust line between {@code account} and the issuer of {@code issue}. */
    public static Keylet line(AccountId account, Issue issue) {
        return line(account, issue.account(), issue.currency());
    }

    /** The (only) SignerList of {@code account}, list id 0. */
    public static Keylet signers(AccountId account) {
        return new Keylet(LedgerEntryType.SIGNER_LIST, hash(SPACE_SIGNER_LIST).account(account).u32(0).finishKey());
    }

    /** The Ticket {@code account} created with {@code sequence}. */
    public static Keylet ticket(AccountId account, long sequence) {
        return new Keylet(LedgerEntryType.TICKET, hash(SPACE_TICKET).account(account).u32(sequence).finishKey());
    }

    /** The Escrow {@code owner} created with {@code sequence}. */
    public static Keylet escrow(AccountId owner, long sequence) {
        return new Keylet(LedgerEntryType.ESCROW, hash(SPACE_ESCROW).account(owner).u32(sequence).finishKey());
    }

    /** The payment channel from {@code source} to {@code destination} created with {@code sequence}. */
    public static Keylet payChannel(AccountId source, AccountId destination, long sequence) {
        return new Keylet(LedgerEntryType.PAY_CHANNEL,
                hash(SPACE_PAY_CHANNEL).account(source).account(destination).u32(sequence).finishKey());
    }

    /** The Check {@code account} created with {@code sequence}. */
    public static Keylet check(AccountId account, long sequence) {
        return new Keylet(LedgerEntryType.CHECK, hash(SPACE_CHECK).account(account).u32(sequence).finishKey());
    }

    /** The skip list of the last 256 ledger hashes. */
    public static Keylet skip() {
        return SKIP;
    }

    /** The skip list holding every 256th ledger hash for the 65,536 ledgers around {@code ledgerSeq}. */
    public static Keylet skip(long ledgerSeq) {
        return new Keylet(LedgerEntryType.LEDGER_HASHES, hash(SPACE_SKIP_LIST).u32(ledgerSeq >>> 16).finishKey());
    }

    /** The Amendments singleton. */
    public static Keylet amendments() {
        return AMENDMENTS;
    }

    /** The FeeSettings singleton. */
    public static Keylet fees() {
        return FEES;
    }

    /** A key of any entry type (rippled's {@code keylet::unchecked}). */
    public static Keylet unchecked(Hash256 key) {
        return new Keylet(null, key);
    }

    private static void requireDirectory(Keylet k) {
        if (k.type() != LedgerEntryType.DIRECTORY_NODE) {
            throw new IllegalArgumentException("not a directory keylet: " + k);
        }
    }

    private static Hash256 withQuality(byte[] base, long quality) {
        for (int i = 31; i >= 24; i--) {
            base[i] = (byte) quality;
            quality >>>= 8;
        }
        return Hash256.wrap(base);
    }

    private static KeyHasher hash(int space) {
        return new KeyHasher(space);
    }

    /** Feeds the namespace and parts of one key into this thread's hasher. */
    private static final class KeyHasher {
        private final Sha512Half h = Sha512Half.local();

        KeyHasher(int space) {
            h.update(new byte[] {(byte) (space >>> 8), (byte) space});
        }

        KeyHasher account(AccountId a) {
            h.update(a.toBytes());
            return this;
        }

        KeyHasher currency(Currency c) {
            h.update(c.toBytes());
            return this;
        }

        KeyHasher hash(Hash256 k) {
            h.update(k.toBytes());
            return this;
        }

        KeyHasher u32(long v) {
            h.updateU32(v);
            return this;
        }

        KeyHasher u64(long v) {
            h.updateU64(v);
            return this;
        }

        byte[] finish() {
            return h.finish();
        }

        Hash256 finishKey() {
            return Hash256.wrap(h.finish());
        }
    }
}
