package org.stoxum.engine.tx.jtx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Genesis;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.Ledger;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.tx.EngineSetup;
import org.stoxum.engine.tx.OpenLedger;
import org.stoxum.engine.tx.TxEngine;
import org.stoxum.engine.tx.TxFlags;

/**
 * A stand-alone ledger on light wiring (rippled's jtx {@code Env}): genesis with every supported
 * amendment, ledger 2 made at start, a manual clock, and submissions that are filled in and signed as
 * the RPC sign command would do. Costs milliseconds.
 */
public final class Env {
    /** A network time (seconds since 2000) in the era of the oracle's recordings. */
    public static final long START_TIME = 848_808_210L;
    /** Seconds the clock advances per {@link #close()}. */
    public static final long CLOSE_INTERVAL = 1;

    private final NetworkProfile profile;
    private final EngineSetup setup;
    private final OpenLedger ledger;
    private final Account master = Account.master();
    private long now = START_TIME;

    /** What a submission gave. */
    public record Submitted(STTx tx, TER ter, boolean applied) {
    }

    public Env() {
        this(Genesis.withSupportedAmendments(NetworkProfile.STOXUM));
    }

    public Env(Ledger genesis) {
        this(genesis, START_TIME);
    }

    /** A server started on {@code genesis} at network time {@code startTime}. */
    public Env(Ledger genesis, long startTime) {
        this(NetworkProfile.STOXUM, genesis, startTime);
    }

    /** A server of {@code profile} started on {@code genesis} at network time {@code startTime}. */
    public Env(NetworkProfile profile, Ledger genesis, long startTime) {
        this.profile = profile;
        this.setup = EngineSetup.of(profile);
        this.now = startTime;
        this.ledger = OpenLedger.startStandalone(setup, genesis, now);
    }

    /**
     * A chain whose clock starts at network time 0, as rippled's jtx environment does: the fixes switched
     * on by close time (fix1141, fix1274, fix1298, fix1443, fix1449 and the amount rounding switchovers)
     * are off until a test closes a ledger past them, so rippled's own test expectations apply as they are.
     */
    public static Env atTimeZero() {
        return new Env(Genesis.withSupportedAmendments(NetworkProfile.STOXUM), 0);
    }

    /**
     * rippled's own test environment: the ripple profile (reserves of 200 and 50 units, as rippled's jtx
     * tests assume), every supported amendment, the clock at 0.
     */
    public static Env rippled() {
        return new Env(NetworkProfile.RIPPLE, Genesis.withSupportedAmendments(NetworkProfile.RIPPLE), 0);
    }

    /** {@link #atTimeZero()} with the supported amendments changed: {@code add} enabled, {@code remove} not. */
    public static Env atTimeZero(Set<Hash256> add, Set<Hash256> remove) {
        Set<Hash256> amendments = new HashSet<>(Amendments.supported());
        amendments.addAll(add);
        amendments.removeAll(remove);
        NetworkProfile p = NetworkProfile.STOXUM;
        return new Env(Genesis.create(p, amendments, Fees.defaults(p), Set.of()), 0);
    }

    /** Submits {@code jt} and expects tesSUCCESS (rippled's {@code env(jt)}). */
    public Submitted apply(JTx jt) {
        return submit(jt, Jtx.ter(TER.tesSUCCESS));
    }

    public Account master() {
        return master;
    }

    public OpenLedger ledger() {
        return ledger;
    }

    public EngineSetup setup() {
        return setup;
    }

    /** Pays {@code amount} from the genesis account to each of {@code accounts}. */
    public Env fund(STAmount amount, Account... accounts) {
        for (Account a : accounts) {
            submit(Jtx.pay(master, a, amount), Jtx.ter(TER.tesSUCCESS));
        }
        return this;
    }

    /**
     * Funds as rippled's jtx {@code fund} does: pays {@code amount} plus a fee, then sets DefaultRipple,
     * so that the account ends with exactly {@code amount} and rippling on.
     */
    public Env fundRippling(STAmount amount, Account... accounts) {
        for (Account a : accounts) {
            submit(Jtx.pay(master, a, STAmount.ofDrops(amount.drops() + baseFee())), Jtx.ter(TER.tesSUCCESS));
            submit(Jtx.fset(a, TxFlags.ASF_DEFAULT_RIPPLE), Jtx.ter(TER.tesSUCCESS));
        }
        return this;
    }

    /** Each account trusts {@code limit}'s issuer for {@code limit}; the fee is refunded (rippled's {@code env.trust}). */
    public Env trust(STAmount limit, Account... accounts) {
        for (Account a : accounts) {
            submit(Jtx.trust(a, limit), Jtx.ter(TER.tesSUCCESS));
            submit(Jtx.pay(master, a, STAmount.ofDrops(baseFee())), Jtx.ter(TER.tesSUCCESS));
        }
        return this;
    }

    /** Fills in, signs and submits {@code jt}, then checks each expectation. */
    @SafeVarargs
    public final Submitted submit(JTx jt, Consumer<Submitted>... expects) {
        STTx tx = STTx.of(finish(jt));
        OpenLedger.Submission s = ledger.submit(tx, ApplyFlags.NONE, true, false);
        Submitted result = new Submitted(tx, s.ter(), s.applied());
        for (Consumer<Submitted> e : expects) {
            e.accept(result);
        }
        return result;
    }

    /** Submits an already signed transaction blob. */
    public Submitted submitBlob(byte[] blob) {
        STTx tx = STTx.fromBytes(blob);
        OpenLedger.Submission s = ledger.submit(tx, ApplyFlags.NONE, true, false);
        return new Submitted(tx, s.ter(), s.applied());
    }

    /** The finished, signed transaction object. */
    public STObject finish(JTx jt) {
        STObject tx = jt.tx;
        tx.setFlag(TxFlags.FULLY_CANONICAL_SIG);
        tx.setU32(SField.SEQUENCE, jt.sequence != null ? jt.sequence : seq(jt.account));
        if (jt.multiSigners != null) {
            tx.setBlob(SField.SIGNING_PUB_KEY, new byte[0]);
        } else {
            Account signer = jt.signer != null ? jt.signer : jt.account;
            tx.setBlob(SField.SIGNING_PUB_KEY, signer.keys().publicKey().toBytes());
        }
        if (jt.fee != null) {
            tx.setAmount(SField.FEE, STAmount.ofDrops(jt.fee));
        } else {
            long units = TxEngine.calculateBaseFee(setup, current(), STTx.of(tx.copy()));
            if (jt.multiSigners != null) {
                units += jt.multiSigners.size() * current().fees().units();
            }
            tx.setAmount(SField.FEE, STAmount.ofDrops(units * current().fees().base() / current().fees().units()));
        }
        if (jt.unsigned) {
            return tx;
        }
        if (jt.multiSigners != null) {
            STArray signers = new STArray();
            for (Account a : jt.multiSigners) {
                STObject s = new STObject(SField.SIGNER);
                s.setAccountId(SField.ACCOUNT, a.id());
                s.setBlob(SField.SIGNING_PUB_KEY, a.keys().publicKey().toBytes());
                s.setBlob(SField.TXN_SIGNATURE, a.keys().sign(BinaryCodec.multiSigningData(tx, a.id())));
                signers.add(s);
            }
            tx.setArray(SField.SIGNERS, signers);
        } else {
            Account signer = jt.signer != null ? jt.signer : jt.account;
            tx.setBlob(SField.TXN_SIGNATURE, signer.keys().sign(BinaryCodec.signingData(tx)));
        }
        return tx;
    }

    /** Closes the open ledger (ledger_accept) with the clock advanced by {@link #CLOSE_INTERVAL}. */
    public Ledger close() {
        now += CLOSE_INTERVAL;
        return ledger.acceptStandalone(now, l -> { });
    }

    /** Closes at an explicit network time. */
    public Ledger closeAt(long networkTime) {
        now = networkTime;
        return ledger.acceptStandalone(now, l -> { });
    }

    /** The open ledger as it stands. */
    public ReadView current() {
        return ledger.current();
    }

    public Ledger closed() {
        return ledger.lastClosed();
    }

    /** Checks conditions against this environment. */
    @SafeVarargs
    public final Env require(Consumer<Env>... conditions) {
        for (Consumer<Env> c : conditions) {
            c.accept(this);
        }
        return this;
    }

    /** The entry under {@code k} in the open ledger, or null. */
    public STObject le(Keylet k) {
        return current().read(k);
    }

    /**
     * The metadata of a submitted transaction, as rippled's {@code env.meta()} gives it: the open ledger
     * is closed first, and the transaction read back from the closed ledger.
     */
    public STObject meta(Submitted s) {
        Ledger closed = close();
        return closed.txRead(s.tx().id()).meta();
    }

    /** The account's root in the open ledger, or null. */
    public STObject root(Account a) {
        return le(Keylets.account(a.id()));
    }

    /** The account's next sequence in the open ledger. */
    public long seq(Account a) {
        STObject r = root(a);
        if (r == null) {
            throw new AssertionError("no account " + a);
        }
        return r.getU32(SField.SEQUENCE);
    }

    /** The account's balance in drops in the open ledger (0 when absent). */
    public long balance(Account a) {
        STObject r = root(a);
        return r == null ? 0 : r.getAmount(SField.BALANCE).drops();
    }

    public long ownerCount(Account a) {
        return root(a).getU32(SField.OWNER_COUNT);
    }

    /** {@code a}'s balance of {@code issue} from its side of the line, or null when there is no line. */
    public STAmount lineBalance(Account a, Issue issue) {
        STObject line = le(Keylets.line(a.id(), issue));
        if (line == null) {
            return null;
        }
        STAmount b = line.getAmount(SField.BALANCE);
        if (a.id().compareTo(issue.account()) > 0) {
            b = b.negate();
        }
        return b.isZero() ? STAmount.zero(issue) : STAmount.of(issue, b.mantissa(), b.exponent(), b.isNegative());
    }

    /** The entries of {@code a}'s owner directory, in directory order. */
    public List<STObject> ownedObjects(Account a) {
        List<STObject> out = new ArrayList<>();
        Keylet root = Keylets.ownerDir(a.id());
        long page = 0;
        while (true) {
            STObject dir = le(Keylets.page(root, page));
            if (dir == null) {
                return out;
            }
            for (Hash256 key : dir.getVector256(SField.INDEXES)) {
                out.add(le(Keylets.unchecked(key)));
            }
            page = dir.getU64(SField.INDEX_NEXT);
            if (page == 0) {
                return out;
            }
        }
    }

    /** {@code a}'s offers, in directory order. */
    public List<STObject> offers(Account a) {
        return ownedObjects(a).stream()
                .filter(o -> o.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.OFFER.code()).toList();
    }

    /** The base fee in drops. */
    public long baseFee() {
        return current().fees().base();
    }

    public NetworkProfile profile() {
        return profile;
    }
}
