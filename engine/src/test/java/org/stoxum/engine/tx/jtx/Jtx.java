package org.stoxum.engine.tx.jtx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;

/** The words of the test language: amounts, transactions and expectations. */
public final class Jtx {
    private Jtx() {
    }

    /** {@code units} whole STM. */
    public static STAmount stm(long units) {
        return STAmount.ofDrops(units * 1_000_000L);
    }

    public static STAmount drops(long drops) {
        return STAmount.ofDrops(drops);
    }

    /** A payment of {@code amount} from {@code from} to {@code to}. */
    public static JTx pay(Account from, Account to, STAmount amount) {
        return new JTx(TxType.PAYMENT, from).with(tx -> {
            tx.setAccountId(SField.DESTINATION, to.id());
            tx.setAmount(SField.AMOUNT, amount);
        });
    }

    /** An AccountSet with nothing set. */
    public static JTx noop(Account account) {
        return new JTx(TxType.ACCOUNT_SET, account);
    }

    /** AccountSet with SetFlag {@code asf}. */
    public static JTx fset(Account account, long asf) {
        return noop(account).with(tx -> tx.setU32(SField.SET_FLAG, asf));
    }

    /** AccountSet with ClearFlag {@code asf}. */
    public static JTx fclear(Account account, long asf) {
        return noop(account).with(tx -> tx.setU32(SField.CLEAR_FLAG, asf));
    }

    /** SetRegularKey to {@code key}. */
    public static JTx regkey(Account account, Account key) {
        return new JTx(TxType.SET_REGULAR_KEY, account).with(tx -> tx.setAccountId(SField.REGULAR_KEY, key.id()));
    }

    /** SetRegularKey removing the key. */
    public static JTx regkeyDisabled(Account account) {
        return new JTx(TxType.SET_REGULAR_KEY, account);
    }

    /** A signer list entry. */
    public record Signer(Account account, int weight) {
    }

    public static Signer signer(Account account, int weight) {
        return new Signer(account, weight);
    }

    /** SignerListSet with {@code quorum} and {@code entries} (in the order given). */
    public static JTx signers(Account account, long quorum, Signer... entries) {
        return new JTx(TxType.SIGNER_LIST_SET, account).with(tx -> {
            tx.setU32(SField.SIGNER_QUORUM, quorum);
            STArray a = new STArray();
            for (Signer s : entries) {
                STObject e = new STObject(SField.SIGNER_ENTRY);
                e.setAccountId(SField.ACCOUNT, s.account().id());
                e.setU16(SField.SIGNER_WEIGHT, s.weight());
                a.add(e);
            }
            tx.setArray(SField.SIGNER_ENTRIES, a);
        });
    }

    /** SignerListSet removing the list. */
    public static JTx signersNone(Account account) {
        return new JTx(TxType.SIGNER_LIST_SET, account).with(tx -> tx.setU32(SField.SIGNER_QUORUM, 0));
    }

    /** A TrustSet of {@code account} with limit {@code limit} (the issuer of the limit is the peer). */
    public static JTx trust(Account account, STAmount limit) {
        return new JTx(TxType.TRUST_SET, account).with(tx -> tx.setAmount(SField.LIMIT_AMOUNT, limit));
    }

    /** A TrustSet of {@code account} towards {@code peer} with {@code limit}'s value and currency. */
    public static JTx trust(Account account, STAmount limit, Account peer) {
        return trust(account, STAmount.of(new Issue(limit.currency(), peer.id()), limit.mantissa(), limit.exponent(),
                limit.isNegative()));
    }

    /** An OfferCreate: {@code account} wants {@code takerPays} for {@code takerGets}. */
    public static JTx offer(Account account, STAmount takerPays, STAmount takerGets) {
        return new JTx(TxType.OFFER_CREATE, account).with(tx -> {
            tx.setAmount(SField.TAKER_PAYS, takerPays);
            tx.setAmount(SField.TAKER_GETS, takerGets);
        });
    }

    /** An OfferCancel of {@code account}'s offer made with sequence {@code offerSeq}. */
    public static JTx offerCancel(Account account, long offerSeq) {
        return new JTx(TxType.OFFER_CANCEL, account).with(tx -> tx.setU32(SField.OFFER_SEQUENCE, offerSeq));
    }

    /** AccountSet setting the TransferRate to {@code multiplier} (1.1 is a 10% fee). */
    public static JTx rate(Account account, double multiplier) {
        return noop(account).with(tx -> tx.setU32(SField.TRANSFER_RATE, (long) (1_000_000_000L * multiplier)));
    }

    /**
     * One path: an {@link Account} ripples through it, an {@link IOU} or {@link Issue} crosses a book into it,
     * a {@link Currency} crosses a book into that currency.
     */
    public static List<STPathElement> path(Object... elements) {
        List<STPathElement> out = new ArrayList<>();
        for (Object e : elements) {
            if (e instanceof Account a) {
                out.add(STPathElement.of(a.id(), null, null));
            } else if (e instanceof IOU iou) {
                out.add(STPathElement.of(null, iou.currency(), iou.issuer().id()));
            } else if (e instanceof Issue issue) {
                out.add(issue.isNative() ? STPathElement.of(null, Currency.NATIVE, null)
                        : STPathElement.of(null, issue.currency(), issue.account()));
            } else if (e instanceof Currency c) {
                out.add(STPathElement.of(null, c, null));
            } else {
                throw new IllegalArgumentException("not a path element: " + e);
            }
        }
        return out;
    }

    /** Expects the engine result {@code ter}. */
    public static Consumer<Env.Submitted> ter(TER ter) {
        return s -> {
            if (s.ter() != ter) {
                throw new AssertionError("expected " + ter + " but got " + s.ter() + " for " + s.tx());
            }
        };
    }
}
