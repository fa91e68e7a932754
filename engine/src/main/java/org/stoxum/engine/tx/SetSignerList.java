package org.stoxum.engine.tx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Directories;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.SLE;
import org.stoxum.engine.ledger.Views;

/**
 * SignerListSet (rippled's {@code SetSignerList.cpp}): a non-zero quorum with entries creates or replaces
 * the account's signer list; quorum 0 without entries removes it. A list costs 2 + (number of entries)
 * owner-count units, as in 0.90.1.
 */
public final class SetSignerList extends Transactor {
    static final TransactorType TYPE = TransactorType.of(SetSignerList::preflight, SetSignerList::new);

    private enum Operation { UNKNOWN, SET, DESTROY }

    private record Decision(TER ter, long quorum, List<SignerEntries.Entry> signers, Operation op) {
    }

    private long quorum;
    private List<SignerEntries.Entry> signers;
    private Operation op;

    private SetSignerList(ApplyContext ctx) {
        super(ctx);
    }

    private static Decision determineOperation(STObject tx) {
        long quorum = tx.getU32(SField.SIGNER_QUORUM);
        boolean hasEntries = tx.isPresent(SField.SIGNER_ENTRIES);
        if (quorum != 0 && hasEntries) {
            SignerEntries.Parsed parsed = SignerEntries.deserialize(tx);
            if (parsed.ter() != TER.tesSUCCESS) {
                return new Decision(parsed.ter(), quorum, List.of(), Operation.UNKNOWN);
            }
            List<SignerEntries.Entry> sorted = new ArrayList<>(parsed.entries());
            Collections.sort(sorted);
            return new Decision(TER.tesSUCCESS, quorum, sorted, Operation.SET);
        }
        if (quorum == 0 && !hasEntries) {
            return new Decision(TER.tesSUCCESS, quorum, List.of(), Operation.DESTROY);
        }
        return new Decision(TER.tesSUCCESS, quorum, List.of(), Operation.UNKNOWN);
    }

    static TER preflight(PreflightContext ctx) {
        if (!ctx.rules().enabled(Amendments.MULTI_SIGN)) {
            return TER.temDISABLED;
        }
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        Decision d = determineOperation(ctx.tx().object());
        if (d.ter() != TER.tesSUCCESS) {
            return d.ter();
        }
        if (d.op() == Operation.UNKNOWN) {
            return TER.temMALFORMED;
        }
        if (d.op() == Operation.SET) {
            TER ter = validateQuorumAndSignerEntries(d.quorum(), d.signers(), ctx.tx().account());
            if (ter != TER.tesSUCCESS) {
                return ter;
            }
        }
        return preflight2(ctx);
    }

    private static TER validateQuorumAndSignerEntries(long quorum, List<SignerEntries.Entry> signers,
                                                      AccountId account) {
        if (signers.size() < TxSignatures.MIN_MULTI_SIGNERS || signers.size() > TxSignatures.MAX_MULTI_SIGNERS) {
            return TER.temMALFORMED;
        }
        for (int i = 1; i < signers.size(); i++) {
            if (signers.get(i - 1).account().equals(signers.get(i).account())) {
                return TER.temBAD_SIGNER;
            }
        }
        long allWeight = 0;
        for (SignerEntries.Entry e : signers) {
            if (e.weight() <= 0) {
                return TER.temBAD_WEIGHT;
            }
            allWeight += e.weight();
            if (e.account().equals(account)) {
                return TER.temBAD_SIGNER;
            }
        }
        if (quorum <= 0 || allWeight < quorum) {
            return TER.temBAD_QUORUM;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected void preCompute() {
        Decision d = determineOperation(tx());
        quorum = d.quorum();
        signers = d.signers();
        op = d.op();
        super.preCompute();
    }

    @Override
    protected TER doApply() {
        return switch (op) {
            case SET -> replaceSignerList();
            case DESTROY -> destroySignerList();
            case UNKNOWN -> TER.temMALFORMED;
        };
    }

    /** Owner-count units of a list with {@code entries} signers: 2 for the list, 1 per signer. */
    static int ownerCountDelta(int entries) {
        return 2 + entries;
    }

    private TER replaceSignerList() {
        Keylet accountKey = Keylets.account(account);
        Keylet ownerDir = Keylets.ownerDir(account);
        Keylet signerKey = Keylets.signers(account);
        TER removed = removeSignersFromLedger(accountKey, ownerDir, signerKey);
        if (removed != TER.tesSUCCESS) {
            return removed;
        }
        SLE sle = view().peek(accountKey);
        long oldOwnerCount = sle.object().getU32(SField.OWNER_COUNT);
        int added = ownerCountDelta(signers.size());
        if (priorBalance < view().fees().accountReserve(oldOwnerCount + added)) {
            return TER.tecINSUFFICIENT_RESERVE;
        }
        SLE list = SLE.create(signerKey);
        view().insert(list);
        writeSigners(list.object());
        Long page = Directories.dirAdd(view(), ownerDir, signerKey.key(), false, Directories.describeOwnerDir(account));
        if (page == null) {
            return TER.tecDIR_FULL;
        }
        list.object().setU64(SField.OWNER_NODE, page);
        Views.adjustOwnerCount(view(), sle, added);
        return TER.tesSUCCESS;
    }

    private TER destroySignerList() {
        Keylet accountKey = Keylets.account(account);
        SLE sle = view().peek(accountKey);
        if (sle.object().isFlag(LedgerFlags.DISABLE_MASTER) && !sle.object().isPresent(SField.REGULAR_KEY)) {
            return TER.tecNO_ALTERNATIVE_KEY;
        }
        return removeSignersFromLedger(accountKey, Keylets.ownerDir(account), Keylets.signers(account));
    }

    private TER removeSignersFromLedger(Keylet accountKey, Keylet ownerDir, Keylet signerKey) {
        SLE list = view().peek(signerKey);
        if (list == null) {
            return TER.tesSUCCESS;
        }
        int remove = -ownerCountDelta(list.object().getArray(SField.SIGNER_ENTRIES).size());
        long hint = list.object().getU64(SField.OWNER_NODE);
        TER result = Directories.dirDelete(view(), false, hint, ownerDir, signerKey.key(), false, hint == 0);
        if (result == TER.tesSUCCESS) {
            Views.adjustOwnerCount(view(), view().peek(accountKey), remove);
        }
        view().erase(list);
        return result;
    }

    private void writeSigners(STObject list) {
        list.setU32(SField.SIGNER_QUORUM, quorum);
        list.setU32(SField.SIGNER_LIST_ID, 0);
        STArray entries = new STArray();
        for (SignerEntries.Entry e : signers) {
            STObject entry = new STObject(SField.SIGNER_ENTRY);
            entry.setAccountId(SField.ACCOUNT, e.account());
            entry.setU16(SField.SIGNER_WEIGHT, e.weight());
            entries.add(entry);
        }
        list.setArray(SField.SIGNER_ENTRIES, entries);
    }
}
