package org.stoxum.engine.tx;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.amount.XRPAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ApplyFlags;
import org.stoxum.engine.ledger.ApplyViewImpl;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.ledger.Views;

/**
 * The apply stage of a transaction and the checks every type shares (rippled's {@code Transactor}).
 * Applying charges the fee and bumps the sequence, then runs the type's {@link #doApply}; a tec result
 * (when no retry pass follows) throws the changes away and claims only the fee; tes and claimed tec results
 * go into the view, everything else leaves it untouched.
 */
public abstract class Transactor {
    /** Most entries one transaction may change before it is cut to a fee claim (oversizeMetaDataCap). */
    public static final int OVERSIZE_META_DATA_CAP = 5200;
    /** Most unfunded offers an oversized transaction still removes. */
    public static final int UNFUNDED_OFFER_REMOVE_LIMIT = 1000;

    protected final ApplyContext ctx;
    /** The sending account. */
    protected AccountId account;
    /** The sender's balance before the fee. */
    protected long priorBalance;
    /** The sender's balance after the fee. */
    protected long sourceBalance;
    /** The minimum fee in drops at the current load. */
    protected long feeDue;

    protected Transactor(ApplyContext ctx) {
        this.ctx = ctx;
    }

    /** The editable view of this transaction. */
    protected ApplyViewImpl view() {
        return ctx.view();
    }

    protected STObject tx() {
        return ctx.tx().object();
    }

    /** Work that needs the transaction but not the ledger, before the fee is charged. */
    protected void preCompute() {
        account = ctx.tx().account();
    }

    /** The type's own changes; the fee is already charged and the sequence bumped. */
    protected abstract TER doApply();

    /** Runs the apply stage: rippled's {@code Transactor::operator()}. */
    final ApplyResult run() {
        TER ter = ctx.preclaimResult();
        if (ter == TER.tesSUCCESS) {
            ter = apply();
        }
        boolean didApply = ter.isTes();
        long fee = tx().getAmount(SField.FEE).drops();
        if (ctx.size() > OVERSIZE_META_DATA_CAP) {
            ter = TER.tecOVERSIZE;
        }
        if (ter == TER.tecOVERSIZE || (ter.isTec() && !ApplyFlags.has(view().flags(), ApplyFlags.RETRY))) {
            List<Hash256> removedOffers = ter == TER.tecOVERSIZE ? removedOffers() : List.of();
            fee = claimFee(fee);
            removeUnfundedOffers(removedOffers);
            didApply = true;
        }
        if (didApply) {
            TER checked = InvariantChecks.check(ctx, ter);
            if (checked == TER.tecINVARIANT_FAILED) {
                fee = claimFee(fee);
                checked = InvariantChecks.check(ctx, checked);
                didApply = checked.isTec();
            }
            ter = checked;
        }
        if (didApply) {
            if (!view().open() && fee != 0) {
                ctx.destroyXRP(fee);
            }
            ctx.apply(ter);
        }
        return new ApplyResult(ter, didApply);
    }

    private TER apply() {
        preCompute();
        SLE sle = view().peek(Keylets.account(account));
        feeDue = FeeScaling.scaleFeeLoad(ctx.baseFee(), ctx.setup().feeTrack(), view().fees(),
                ApplyFlags.has(view().flags(), ApplyFlags.UNLIMITED));
        if (sle != null) {
            priorBalance = sle.object().getAmount(SField.BALANCE).drops();
            sourceBalance = priorBalance;
            setSeq();
            payFee(sle);
            view().update(sle);
        }
        return doApply();
    }

    private void setSeq() {
        SLE sle = view().peek(Keylets.account(account));
        sle.object().setU32(SField.SEQUENCE, ctx.tx().sequence() + 1);
        if (sle.object().isPresent(SField.ACCOUNT_TXN_ID)) {
            sle.object().setH256(SField.ACCOUNT_TXN_ID, ctx.tx().id());
        }
    }

    private void payFee(SLE sle) {
        sourceBalance -= tx().getAmount(SField.FEE).drops();
        sle.object().setAmount(SField.BALANCE, STAmount.ofDrops(sourceBalance));
    }

    /** Offers the transaction deleted untouched (found or made unfunded): still removed when it is cut to a fee claim. */
    private List<Hash256> removedOffers() {
        List<Hash256> removed = new ArrayList<>();
        ctx.visit((key, isDelete, before, after) -> {
            if (isDelete && before != null && after != null
                    && before.getU16(SField.LEDGER_ENTRY_TYPE) == LedgerEntryType.OFFER.code()
                    && before.getAmount(SField.TAKER_PAYS).equals(after.getAmount(SField.TAKER_PAYS))) {
                removed.add(key);
            }
        });
        return removed;
    }

    private void removeUnfundedOffers(List<Hash256> offers) {
        int removed = 0;
        for (Hash256 index : offers) {
            SLE offer = view().peek(Keylets.offer(index));
            if (offer != null) {
                Views.offerDelete(view(), offer);
                if (++removed == UNFUNDED_OFFER_REMOVE_LIMIT) {
                    return;
                }
            }
        }
    }

    /** Discards every change and charges only the fee (capped at the balance); returns the fee charged. */
    private long claimFee(long fee) {
        ctx.discard();
        SLE sle = view().peek(Keylets.account(ctx.tx().account()));
        long balance = sle.object().getAmount(SField.BALANCE).drops();
        long charged = Math.min(fee, balance);
        sle.object().setAmount(SField.BALANCE, STAmount.ofDrops(balance - charged));
        sle.object().setU32(SField.SEQUENCE, ctx.tx().sequence() + 1);
        view().update(sle);
        return charged;
    }

    // ------------------------------------------------------------------ shared stateless checks

    /** The transaction id may not be zero. */
    static TER preflight0(PreflightContext ctx) {
        return ctx.tx().id().isZero() ? TER.temINVALID : TER.tesSUCCESS;
    }

    /** preflight0, then a source account, a legal native fee and a well-formed signing key. */
    static TER preflight1(PreflightContext ctx) {
        TER ret = preflight0(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        if (ctx.tx().account().equals(AccountId.ZERO)) {
            return TER.temBAD_SRC_ACCOUNT;
        }
        STAmount fee = ctx.tx().object().getAmount(SField.FEE);
        if (!fee.isNative() || fee.isNegative() || !new XRPAmount(fee.drops()).isLegalAmount(ctx.setup().profile())) {
            return TER.temBAD_FEE;
        }
        byte[] spk = ctx.tx().object().getBlob(SField.SIGNING_PUB_KEY);
        if (spk.length != 0 && PublicKey.parse(spk).isEmpty()) {
            return TER.temBAD_SIGNATURE;
        }
        return TER.tesSUCCESS;
    }

    /** The signature check, unless the caller says signatures were already verified. */
    static TER preflight2(PreflightContext ctx) {
        if (!ApplyFlags.has(ctx.flags(), ApplyFlags.NO_CHECK_SIGN)) {
            TxSignatures.Check check = TxSignatures.check(ctx.tx(), ctx.rules().enabled(Amendments.MULTI_SIGN),
                    ctx.setup().profile());
            if (!check.valid()) {
                return TER.temINVALID;
            }
        }
        return TER.tesSUCCESS;
    }

    // ------------------------------------------------------------------ shared read-only checks

    /** The cost in fee units: the reference units, once more for each multi-signer. */
    static long calculateBaseFee(PreclaimContext ctx) {
        long units = ctx.view().fees().units();
        STObject tx = ctx.tx().object();
        int signers = tx.isPresent(SField.SIGNERS) ? tx.getArray(SField.SIGNERS).size() : 0;
        return units + signers * units;
    }

    static TER checkSeq(PreclaimContext ctx) {
        STObject sle = ctx.view().read(Keylets.account(ctx.tx().account()));
        if (sle == null) {
            return TER.terNO_ACCOUNT;
        }
        long tSeq = ctx.tx().sequence();
        long aSeq = sle.getU32(SField.SEQUENCE);
        if (tSeq != aSeq) {
            if (aSeq < tSeq) {
                return TER.terPRE_SEQ;
            }
            if (ctx.view().txExists(ctx.tx().id())) {
                return TER.tefALREADY;
            }
            return TER.tefPAST_SEQ;
        }
        STObject tx = ctx.tx().object();
        if (tx.isPresent(SField.ACCOUNT_TXN_ID)
                && !sle.getH256(SField.ACCOUNT_TXN_ID).equals(tx.getH256(SField.ACCOUNT_TXN_ID))) {
            return TER.tefWRONG_PRIOR;
        }
        if (tx.isPresent(SField.LAST_LEDGER_SEQUENCE) && ctx.view().seq() > tx.getU32(SField.LAST_LEDGER_SEQUENCE)) {
            return TER.tefMAX_LEDGER;
        }
        return TER.tesSUCCESS;
    }

    static TER checkFee(PreclaimContext ctx, long baseFee) {
        long feePaid = ctx.tx().object().getAmount(SField.FEE).drops();
        if (feePaid < 0 || !new XRPAmount(feePaid).isLegalAmount(ctx.setup().profile())) {
            return TER.temBAD_FEE;
        }
        long feeDue = FeeScaling.scaleFeeLoad(baseFee, ctx.setup().feeTrack(), ctx.view().fees(),
                ApplyFlags.has(ctx.flags(), ApplyFlags.UNLIMITED));
        if (ctx.view().open() && feePaid < feeDue) {
            return TER.telINSUF_FEE_P;
        }
        if (feePaid == 0) {
            return TER.tesSUCCESS;
        }
        STObject sle = ctx.view().read(Keylets.account(ctx.tx().account()));
        long balance = sle.getAmount(SField.BALANCE).drops();
        if (balance < feePaid) {
            if (balance > 0 && !ctx.view().open()) {
                return TER.tecINSUFF_FEE;
            }
            return TER.terINSUF_FEE_B;
        }
        return TER.tesSUCCESS;
    }

    static TER checkSign(PreclaimContext ctx) {
        if (ctx.view().rules().enabled(Amendments.MULTI_SIGN)
                && ctx.tx().object().getBlobLength(SField.SIGNING_PUB_KEY) == 0) {
            return checkMultiSign(ctx);
        }
        return checkSingleSign(ctx);
    }

    private static TER checkSingleSign(PreclaimContext ctx) {
        AccountId id = ctx.tx().account();
        STObject sle = ctx.view().read(Keylets.account(id));
        boolean hasAuthKey = sle.isPresent(SField.REGULAR_KEY);
        AccountId pkAccount = ctx.tx().signingAccount();
        if (pkAccount == null) {
            return TER.tefBAD_AUTH;
        }
        if (pkAccount.equals(id)) {
            if (sle.isFlag(LedgerFlags.DISABLE_MASTER)) {
                return TER.tefMASTER_DISABLED;
            }
        } else if (hasAuthKey && pkAccount.equals(sle.getAccountId(SField.REGULAR_KEY))) {
            return TER.tesSUCCESS;
        } else if (hasAuthKey) {
            return TER.tefBAD_AUTH;
        } else {
            return TER.tefBAD_AUTH_MASTER;
        }
        return TER.tesSUCCESS;
    }

    private static TER checkMultiSign(PreclaimContext ctx) {
        AccountId id = ctx.tx().account();
        STObject signerList = ctx.view().read(Keylets.signers(id));
        if (signerList == null) {
            return TER.tefNOT_MULTI_SIGNING;
        }
        SignerEntries.Parsed accountSigners = SignerEntries.deserialize(signerList);
        if (accountSigners.ter() != TER.tesSUCCESS) {
            return accountSigners.ter();
        }
        var entries = accountSigners.entries();
        STArray txSigners = ctx.tx().object().getArray(SField.SIGNERS);
        long weightSum = 0;
        int iter = 0;
        for (STObject txSigner : txSigners) {
            AccountId signerId = txSigner.getAccountId(SField.ACCOUNT);
            while (entries.get(iter).account().compareTo(signerId) < 0) {
                if (++iter == entries.size()) {
                    return TER.tefBAD_SIGNATURE;
                }
            }
            if (!entries.get(iter).account().equals(signerId)) {
                return TER.tefBAD_SIGNATURE;
            }
            byte[] spk = txSigner.getBlob(SField.SIGNING_PUB_KEY);
            if (PublicKey.parse(spk).isEmpty()) {
                return TER.tefBAD_SIGNATURE;
            }
            AccountId fromKey = AccountId.fromPublicKey(spk);
            STObject signerRoot = ctx.view().read(Keylets.account(signerId));
            if (fromKey.equals(signerId)) {
                if (signerRoot != null && (signerRoot.getU32(SField.FLAGS) & LedgerFlags.DISABLE_MASTER) != 0) {
                    return TER.tefMASTER_DISABLED;
                }
            } else {
                if (signerRoot == null || !signerRoot.isPresent(SField.REGULAR_KEY)
                        || !fromKey.equals(signerRoot.getAccountId(SField.REGULAR_KEY))) {
                    return TER.tefBAD_SIGNATURE;
                }
            }
            weightSum += entries.get(iter).weight();
        }
        if (weightSum < signerList.getU32(SField.SIGNER_QUORUM)) {
            return TER.tefBAD_QUORUM;
        }
        return TER.tesSUCCESS;
    }

    /** True when the transaction was signed with its account's own (master) key. */
    static boolean signedWithMaster(STTx tx) {
        return tx.account().equals(tx.signingAccount());
    }

    /** The id of the transaction being applied. */
    protected Hash256 txId() {
        return ctx.tx().id();
    }
}
