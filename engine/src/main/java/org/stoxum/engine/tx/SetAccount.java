package org.stoxum.engine.tx;

import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Directories;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.SLE;

/** AccountSet (rippled's {@code SetAccount.cpp}): account flags, Domain, EmailHash, MessageKey, TransferRate, TickSize. */
public final class SetAccount extends Transactor {
    /** Longest Domain in bytes. */
    public static final int DOMAIN_BYTES_MAX = 256;
    /** A transfer rate of 1.0 (QUALITY_ONE). */
    public static final long QUALITY_ONE = 1_000_000_000L;
    public static final int MIN_TICK_SIZE = 3;
    public static final int MAX_TICK_SIZE = 16;

    static final TransactorType TYPE = TransactorType.of(SetAccount::preflight, SetAccount::preclaim,
            SetAccount::new);

    private SetAccount(ApplyContext ctx) {
        super(ctx);
    }

    /** Which of the paired set/clear requests a transaction makes, from its flags and SetFlag/ClearFlag. */
    private record Requests(boolean setRequireDest, boolean clearRequireDest, boolean setRequireAuth,
                            boolean clearRequireAuth, boolean setDisallowXRP, boolean clearDisallowXRP) {
        static Requests of(STObject tx) {
            long f = tx.getFlags();
            long set = tx.getU32(SField.SET_FLAG);
            long clear = tx.getU32(SField.CLEAR_FLAG);
            return new Requests(
                    (f & TxFlags.REQUIRE_DEST_TAG) != 0 || set == TxFlags.ASF_REQUIRE_DEST,
                    (f & TxFlags.OPTIONAL_DEST_TAG) != 0 || clear == TxFlags.ASF_REQUIRE_DEST,
                    (f & TxFlags.REQUIRE_AUTH) != 0 || set == TxFlags.ASF_REQUIRE_AUTH,
                    (f & TxFlags.OPTIONAL_AUTH) != 0 || clear == TxFlags.ASF_REQUIRE_AUTH,
                    (f & TxFlags.DISALLOW_XRP) != 0 || set == TxFlags.ASF_DISALLOW_XRP,
                    (f & TxFlags.ALLOW_XRP) != 0 || clear == TxFlags.ASF_DISALLOW_XRP);
        }
    }

    static TER preflight(PreflightContext ctx) {
        TER ret = preflight1(ctx);
        if (ret != TER.tesSUCCESS) {
            return ret;
        }
        STObject tx = ctx.tx().object();
        if ((tx.getFlags() & TxFlags.ACCOUNT_SET_MASK) != 0) {
            return TER.temINVALID_FLAG;
        }
        long set = tx.getU32(SField.SET_FLAG);
        long clear = tx.getU32(SField.CLEAR_FLAG);
        if (set != 0 && set == clear) {
            return TER.temINVALID_FLAG;
        }
        Requests r = Requests.of(tx);
        if ((r.setRequireAuth && r.clearRequireAuth) || (r.setRequireDest && r.clearRequireDest)
                || (r.setDisallowXRP && r.clearDisallowXRP)) {
            return TER.temINVALID_FLAG;
        }
        if (tx.isPresent(SField.TRANSFER_RATE)) {
            long rate = tx.getU32(SField.TRANSFER_RATE);
            if (rate != 0 && rate < QUALITY_ONE) {
                return TER.temBAD_TRANSFER_RATE;
            }
            if (ctx.rules().enabled(Amendments.FIX1201) && rate > 2 * QUALITY_ONE) {
                return TER.temBAD_TRANSFER_RATE;
            }
        }
        if (tx.isPresent(SField.TICK_SIZE)) {
            if (!ctx.rules().enabled(Amendments.TICK_SIZE)) {
                return TER.temDISABLED;
            }
            int tick = tx.getU8(SField.TICK_SIZE);
            if (tick != 0 && (tick < MIN_TICK_SIZE || tick > MAX_TICK_SIZE)) {
                return TER.temBAD_TICK_SIZE;
            }
        }
        if (tx.isPresent(SField.MESSAGE_KEY)) {
            byte[] mk = tx.getBlob(SField.MESSAGE_KEY);
            if (mk.length != 0 && PublicKey.parse(mk).isEmpty()) {
                return TER.telBAD_PUBLIC_KEY;
            }
        }
        if (tx.isPresent(SField.DOMAIN) && tx.getBlobLength(SField.DOMAIN) > DOMAIN_BYTES_MAX) {
            return TER.telBAD_DOMAIN;
        }
        return preflight2(ctx);
    }

    static TER preclaim(PreclaimContext ctx) {
        STObject sle = ctx.view().read(Keylets.account(ctx.tx().account()));
        if (Requests.of(ctx.tx().object()).setRequireAuth && (sle.getU32(SField.FLAGS) & LedgerFlags.REQUIRE_AUTH) == 0
                && !Directories.dirIsEmpty(ctx.view(), Keylets.ownerDir(ctx.tx().account()))) {
            return (ctx.flags() & org.stoxum.engine.ledger.ApplyFlags.RETRY) != 0 ? TER.terOWNERS : TER.tecOWNERS;
        }
        return TER.tesSUCCESS;
    }

    @Override
    protected TER doApply() {
        SLE sle = view().peek(Keylets.account(account));
        STObject o = sle.object();
        STObject tx = tx();
        long flagsIn = o.getU32(SField.FLAGS);
        long flagsOut = flagsIn;
        long set = tx.getU32(SField.SET_FLAG);
        long clear = tx.getU32(SField.CLEAR_FLAG);
        Requests r = Requests.of(tx);
        boolean sigWithMaster = signedWithMaster(ctx.tx());

        if (r.setRequireAuth && (flagsIn & LedgerFlags.REQUIRE_AUTH) == 0) {
            flagsOut |= LedgerFlags.REQUIRE_AUTH;
        }
        if (r.clearRequireAuth && (flagsIn & LedgerFlags.REQUIRE_AUTH) != 0) {
            flagsOut &= ~LedgerFlags.REQUIRE_AUTH;
        }
        if (r.setRequireDest && (flagsIn & LedgerFlags.REQUIRE_DEST_TAG) == 0) {
            flagsOut |= LedgerFlags.REQUIRE_DEST_TAG;
        }
        if (r.clearRequireDest && (flagsIn & LedgerFlags.REQUIRE_DEST_TAG) != 0) {
            flagsOut &= ~LedgerFlags.REQUIRE_DEST_TAG;
        }
        if (r.setDisallowXRP && (flagsIn & LedgerFlags.DISALLOW_XRP) == 0) {
            flagsOut |= LedgerFlags.DISALLOW_XRP;
        }
        if (r.clearDisallowXRP && (flagsIn & LedgerFlags.DISALLOW_XRP) != 0) {
            flagsOut &= ~LedgerFlags.DISALLOW_XRP;
        }
        if (set == TxFlags.ASF_DISABLE_MASTER && (flagsIn & LedgerFlags.DISABLE_MASTER) == 0) {
            if (!sigWithMaster) {
                return TER.tecNEED_MASTER_KEY;
            }
            if (!o.isPresent(SField.REGULAR_KEY) && view().peek(Keylets.signers(account)) == null) {
                return view().rules().enabled(Amendments.MULTI_SIGN) ? TER.tecNO_ALTERNATIVE_KEY
                        : TER.tecNO_REGULAR_KEY;
            }
            flagsOut |= LedgerFlags.DISABLE_MASTER;
        }
        if (clear == TxFlags.ASF_DISABLE_MASTER && (flagsIn & LedgerFlags.DISABLE_MASTER) != 0) {
            flagsOut &= ~LedgerFlags.DISABLE_MASTER;
        }
        if (set == TxFlags.ASF_DEFAULT_RIPPLE) {
            flagsOut |= LedgerFlags.DEFAULT_RIPPLE;
        } else if (clear == TxFlags.ASF_DEFAULT_RIPPLE) {
            flagsOut &= ~LedgerFlags.DEFAULT_RIPPLE;
        }
        if (set == TxFlags.ASF_NO_FREEZE) {
            if (!sigWithMaster && (flagsIn & LedgerFlags.DISABLE_MASTER) == 0) {
                return TER.tecNEED_MASTER_KEY;
            }
            flagsOut |= LedgerFlags.NO_FREEZE;
        }
        if (set == TxFlags.ASF_GLOBAL_FREEZE) {
            flagsOut |= LedgerFlags.GLOBAL_FREEZE;
        }
        if (set != TxFlags.ASF_GLOBAL_FREEZE && clear == TxFlags.ASF_GLOBAL_FREEZE
                && (flagsOut & LedgerFlags.NO_FREEZE) == 0) {
            flagsOut &= ~LedgerFlags.GLOBAL_FREEZE;
        }
        if (set == TxFlags.ASF_ACCOUNT_TXN_ID && !o.isPresent(SField.ACCOUNT_TXN_ID)) {
            o.setH256(SField.ACCOUNT_TXN_ID, Hash256.ZERO);
        }
        if (clear == TxFlags.ASF_ACCOUNT_TXN_ID && o.isPresent(SField.ACCOUNT_TXN_ID)) {
            o.remove(SField.ACCOUNT_TXN_ID);
        }
        if (view().rules().enabled(Amendments.DEPOSIT_AUTH)) {
            if (set == TxFlags.ASF_DEPOSIT_AUTH) {
                flagsOut |= LedgerFlags.DEPOSIT_AUTH;
            } else if (clear == TxFlags.ASF_DEPOSIT_AUTH) {
                flagsOut &= ~LedgerFlags.DEPOSIT_AUTH;
            }
        }
        if (tx.isPresent(SField.EMAIL_HASH)) {
            byte[] h = tx.getH128(SField.EMAIL_HASH);
            if (isZero(h)) {
                o.remove(SField.EMAIL_HASH);
            } else {
                o.setH128(SField.EMAIL_HASH, h);
            }
        }
        if (tx.isPresent(SField.WALLET_LOCATOR)) {
            Hash256 h = tx.getH256(SField.WALLET_LOCATOR);
            if (h.isZero()) {
                o.remove(SField.WALLET_LOCATOR);
            } else {
                o.setH256(SField.WALLET_LOCATOR, h);
            }
        }
        setOrRemoveBlob(tx, o, SField.MESSAGE_KEY);
        setOrRemoveBlob(tx, o, SField.DOMAIN);
        if (tx.isPresent(SField.TRANSFER_RATE)) {
            long rate = tx.getU32(SField.TRANSFER_RATE);
            if (rate == 0 || rate == QUALITY_ONE) {
                o.remove(SField.TRANSFER_RATE);
            } else {
                o.setU32(SField.TRANSFER_RATE, rate);
            }
        }
        if (tx.isPresent(SField.TICK_SIZE)) {
            int tick = tx.getU8(SField.TICK_SIZE);
            if (tick == 0 || tick == MAX_TICK_SIZE) {
                o.remove(SField.TICK_SIZE);
            } else {
                o.setU8(SField.TICK_SIZE, tick);
            }
        }
        if (flagsIn != flagsOut) {
            o.setU32(SField.FLAGS, flagsOut);
        }
        return TER.tesSUCCESS;
    }

    private static void setOrRemoveBlob(STObject tx, STObject sle, SField f) {
        if (tx.isPresent(f)) {
            byte[] v = tx.getBlob(f);
            if (v.length == 0) {
                sle.remove(f);
            } else {
                sle.setBlob(f, v);
            }
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
