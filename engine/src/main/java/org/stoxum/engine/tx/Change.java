package org.stoxum.engine.tx;

import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.binary.TxType;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylet;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.SLE;

/**
 * The pseudo-transactions EnableAmendment and SetFee (rippled's {@code Change.cpp}). Validators put them
 * into the consensus set after a flag ledger; they are never submitted (an open view refuses them) and
 * cost nothing. SetFee rewrites the FeeSettings singleton; EnableAmendment moves one amendment through
 * the Amendments singleton: into {@code Majorities} (tfGotMajority, stamped with the parent close time),
 * out of it (tfLostMajority), or, without flags, into the enabled list.
 *
 * <p>Unlike stoxumd, applying does not touch a server-wide amendment table: a ledger's rules are read
 * from its Amendments object, so enabling an amendment takes effect through the ledger itself. Nor does it
 * block the server when the amendment is one this build does not support (stoxumd does both here and when
 * the ledger is validated); the node blocks itself when such a ledger is validated, which is the check
 * that matters, since a built ledger the network does not validate changes nothing.
 */
final class Change extends Transactor {
    static final TransactorType TYPE = new TransactorType(Change::preflight, ctx -> 0, Change::preclaim,
            Change::new);

    private Change(ApplyContext ctx) {
        super(ctx);
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight0(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        if (!ctx.tx().account().equals(AccountId.ZERO)) {
            return TER.temBAD_SRC_ACCOUNT;
        }
        var fee = tx.getAmount(SField.FEE);
        if (!fee.isNative() || !fee.isZero()) {
            return TER.temBAD_FEE;
        }
        if (tx.getBlobLength(SField.SIGNING_PUB_KEY) != 0
                || (tx.isPresent(SField.TXN_SIGNATURE) && tx.getBlobLength(SField.TXN_SIGNATURE) != 0)
                || tx.isPresent(SField.SIGNERS)) {
            return TER.temBAD_SIGNATURE;
        }
        if (ctx.tx().sequence() != 0 || tx.isPresent(SField.PREVIOUS_TXN_ID)) {
            return TER.temBAD_SEQUENCE;
        }
        return TER.tesSUCCESS;
    }

    static TER preclaim(PreclaimContext ctx) {
        if (ctx.view().open()) {
            return TER.temINVALID;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected TER doApply() {
        return ctx.tx().type() == TxType.ENABLE_AMENDMENT ? applyAmendment() : applyFee();
    }

    private TER applyAmendment() {
        Hash256 amendment = tx().getH256(SField.AMENDMENT);
        SLE sle = peekOrInsert(Keylets.amendments());
        STObject entry = sle.object();
        List<Hash256> enabled = entry.isPresent(SField.AMENDMENTS) ? entry.getVector256(SField.AMENDMENTS)
                : List.of();
        if (enabled.contains(amendment)) {
            return TER.tefALREADY;
        }
        long flags = tx().getFlags();
        boolean gotMajority = (flags & TxFlags.GOT_MAJORITY) != 0;
        boolean lostMajority = (flags & TxFlags.LOST_MAJORITY) != 0;
        if (gotMajority && lostMajority) {
            return TER.temINVALID_FLAG;
        }
        STArray majorities = new STArray();
        boolean found = false;
        if (entry.isPresent(SField.MAJORITIES)) {
            for (STObject majority : entry.getArray(SField.MAJORITIES)) {
                if (majority.getH256(SField.AMENDMENT).equals(amendment)) {
                    if (gotMajority) {
                        return TER.tefALREADY;
                    }
                    found = true;
                } else {
                    majorities.add(majority.copy());
                }
            }
        }
        if (!found && lostMajority) {
            return TER.tefALREADY;
        }
        if (gotMajority) {
            majorities.add(new STObject(SField.MAJORITY)
                    .setH256(SField.AMENDMENT, amendment)
                    .setU32(SField.CLOSE_TIME, view().parentCloseTime()));
        } else if (!lostMajority) {
            List<Hash256> next = new ArrayList<>(enabled);
            next.add(amendment);
            entry.setVector256(SField.AMENDMENTS, next);
        }
        if (majorities.isEmpty()) {
            entry.remove(SField.MAJORITIES);
        } else {
            entry.setArray(SField.MAJORITIES, majorities);
        }
        view().update(sle);
        return TER.tesSUCCESS;
    }

    private TER applyFee() {
        SLE sle = peekOrInsert(Keylets.fees());
        STObject entry = sle.object();
        entry.setU64(SField.BASE_FEE, tx().getU64(SField.BASE_FEE));
        entry.setU32(SField.REFERENCE_FEE_UNITS, tx().getU32(SField.REFERENCE_FEE_UNITS));
        entry.setU32(SField.RESERVE_BASE, tx().getU32(SField.RESERVE_BASE));
        entry.setU32(SField.RESERVE_INCREMENT, tx().getU32(SField.RESERVE_INCREMENT));
        view().update(sle);
        return TER.tesSUCCESS;
    }

    /** The singleton under {@code k} for editing, created (and inserted) when the ledger has none yet. */
    private SLE peekOrInsert(Keylet k) {
        SLE sle = view().peek(k);
        if (sle == null) {
            sle = SLE.create(k);
            view().insert(sle);
        }
        return sle;
    }
}
