package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.BinaryCodec;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STArray;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.app.Application;
import org.stoxum.engine.app.SubmitOutcome;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.Fees;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.ReadView;
import org.stoxum.engine.ledger.STTx;
import org.stoxum.engine.rpc.server.RpcError;
import org.stoxum.engine.rpc.server.json.RippledJsonValues;
import org.stoxum.engine.rpc.server.resource.Charge;
import org.stoxum.engine.tx.FeeScaling;
import org.stoxum.engine.tx.FeeTrack;
import org.stoxum.engine.tx.LocalChecks;
import org.stoxum.engine.tx.TxSignatures;
import org.stoxum.engine.tx.queue.TxQ;

/**
 * {@code sign}, {@code sign_for}, {@code submit} and {@code submit_multisigned} (rippled's
 * {@code TransactionSign}): the server fills in what a client left out (Sequence, Fee, Flags), checks the
 * secret against the account, signs, and for the submit commands sends the result through the pipeline to
 * the open ledger, answering with the engine result.
 */
public final class SigningCommands {
    /** {@code tfFullyCanonicalSig}, set on transactions the server signs. */
    private static final long TF_FULLY_CANONICAL_SIG = 0x80000000L;
    /** {@code lsfDisableMaster}. */
    private static final long LSF_DISABLE_MASTER = 0x00100000L;
    /** Reference fee units of a transaction (Config's TRANSACTION_FEE_BASE). */
    private static final long FEE_DEFAULT_UNITS = 10;
    private static final int DEFAULT_FEE_MULT = 10;
    private static final int DEFAULT_FEE_DIV = 1;

    private SigningCommands() {
    }

    // ------------------------------------------------------------------ the commands

    public static ObjectNode sign(RpcContext ctx) {
        ctx.charge(Charge.HIGH_BURDEN_RPC);
        STTx tx = prepare(ctx, null).tx;
        return format(tx, null, ctx.profile());
    }

    public static CompletionStage<ObjectNode> submit(RpcContext ctx) {
        ctx.charge(Charge.MEDIUM_BURDEN_RPC);
        boolean failHard = ctx.has("fail_hard") && ctx.flag("fail_hard");
        if (!ctx.has("tx_blob")) {
            STTx tx = prepare(ctx, null).tx;
            return process(ctx, tx.bytes(), failHard, true);
        }
        String hex = ctx.string("tx_blob");
        byte[] blob;
        try {
            blob = hex.isEmpty() ? null : Hex.decode(hex);
        } catch (RuntimeException e) {
            blob = null;
        }
        if (blob == null || blob.length == 0) {
            return CompletableFuture.completedFuture(RpcError.INVALID_PARAMS.make());
        }
        return process(ctx, blob, failHard, false);
    }

    public static ObjectNode signFor(RpcContext ctx) {
        if (!multiSignEnabled(ctx)) {
            return RpcError.NOT_ENABLED.inject(ctx.params());
        }
        ctx.charge(Charge.HIGH_BURDEN_RPC);
        ObjectNode params = ctx.params();
        if (!params.has("account")) {
            return RpcError.missingField("account");
        }
        Optional<AccountId> signer = Accounts.parseAddress(textNode(params.get("account")), ctx.profile());
        if (signer.isEmpty()) {
            return RpcError.SRC_ACT_MALFORMED.make("Invalid field 'account'.");
        }
        if (!params.has("tx_json")) {
            return RpcError.missingField("tx_json");
        }
        if (!params.get("tx_json").isObject()) {
            return RpcError.objectField("tx_json");
        }
        ObjectNode txJson = (ObjectNode) params.get("tx_json");
        if (!txJson.has("SigningPubKey")) {
            txJson.put("SigningPubKey", "");
        }
        checkMultiSignFields(params);
        Prepared p = prepare(ctx, signer.get());
        ReadView ledger = ctx.ledgers().currentLedger();
        RpcError mismatch = acctMatchesPubKey(ledger.read(Keylets.account(signer.get())), signer.get(), p.keys);
        if (mismatch != null) {
            return mismatch.make();
        }
        STObject o = p.tx.object().copy();
        STObject entry = new STObject(SField.SIGNER);
        entry.setAccountId(SField.ACCOUNT, signer.get());
        entry.setBlob(SField.TXN_SIGNATURE, p.multiSignature);
        entry.setBlob(SField.SIGNING_PUB_KEY, p.keys.publicKey().toBytes());
        List<STObject> signers = new ArrayList<>();
        if (o.isPresent(SField.SIGNERS)) {
            o.getArray(SField.SIGNERS).forEach(signers::add);
        }
        signers.add(entry);
        sortAndValidateSigners(signers, o.getAccountId(SField.ACCOUNT), ctx.profile());
        o.setArray(SField.SIGNERS, STArray.of(signers));
        return format(construct(o, ctx.profile(), ledger), null, ctx.profile());
    }

    public static CompletionStage<ObjectNode> submitMultiSigned(RpcContext ctx) {
        if (!multiSignEnabled(ctx)) {
            return CompletableFuture.completedFuture(RpcError.NOT_ENABLED.inject(ctx.params()));
        }
        ctx.charge(Charge.HIGH_BURDEN_RPC);
        boolean failHard = ctx.flag("fail_hard");
        ObjectNode params = ctx.params();
        checkMultiSignFields(params);
        JsonNode txJson = params.get("tx_json");
        AccountId src = checkTxJsonFields(ctx, txJson, true);
        ReadView ledger = ctx.ledgers().currentLedger();
        if (ledger.read(Keylets.account(src)) == null) {
            throw RpcFailure.of(RpcError.SRC_ACT_NOT_FOUND);
        }
        checkFee(ctx, params, false, ledger);
        checkPayment(ctx, params, txJson, false);
        STObject o = parse(txJson, ctx.profile());
        bind(o, "Exception while serializing transaction: ");
        String local = LocalChecks.check(STTx.of(o));
        if (local != null) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, local);
        }
        if (o.getBlobLength(SField.SIGNING_PUB_KEY) != 0) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS,
                    "Invalid  SigningPubKey field.  Field must be empty when multi-signing.");
        }
        STAmount fee = o.getAmount(SField.FEE);
        if (!fee.isNative()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Invalid Fee field.  Fees must be specified in STM.");
        }
        if (fee.signum() <= 0) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Invalid Fee field.  Fees must be greater than zero.");
        }
        if (!o.isPresent(SField.SIGNERS)) {
            throw new RpcFailure(RpcError.missingField("tx_json.Signers"));
        }
        List<STObject> signers = new ArrayList<>();
        o.getArray(SField.SIGNERS).forEach(signers::add);
        if (signers.isEmpty()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "tx_json.Signers array may not be empty.");
        }
        for (STObject s : signers) {
            if (s.name() != SField.SIGNER || !s.isPresent(SField.ACCOUNT) || !s.isPresent(SField.SIGNING_PUB_KEY)
                    || !s.isPresent(SField.TXN_SIGNATURE) || s.fieldCount() != 3) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS, "Signers array may only contain Signer entries.");
            }
        }
        sortAndValidateSigners(signers, src, ctx.profile());
        o.setArray(SField.SIGNERS, STArray.of(signers));
        STTx tx = construct(o, ctx.profile(), ledger);
        return process(ctx, tx.bytes(), failHard, true);
    }

    private static boolean multiSignEnabled(RpcContext ctx) {
        return ctx.ledgers().validatedLedger().rules().enabled(Amendments.MULTI_SIGN);
    }

    // ------------------------------------------------------------------ submission

    /**
     * Sends the signed blob to the open ledger and answers with the engine result. Locally signed
     * transactions that fail the pipeline's checks answer as rippled's construct step does. The writer
     * only yields the outcome; the answer (the transaction's JSON and hex) is built on the request's
     * answer thread.
     */
    private static CompletionStage<ObjectNode> process(RpcContext ctx, byte[] blob, boolean failHard,
                                                       boolean signedHere) {
        Application app = ctx.app();
        return app.submit(blob, ctx.unlimited(), failHard).thenApplyAsync(outcome -> {
            if (outcome instanceof SubmitOutcome.Rejected r) {
                if (signedHere) {
                    return RpcError.INTERNAL.make("Invalid signature.");
                }
                ObjectNode out = RpcContext.object();
                out.put("error", "invalidTransaction");
                out.put("error_exception", r.exception());
                return out;
            }
            SubmitOutcome.Processed p = (SubmitOutcome.Processed) outcome;
            return format(p.tx(), p.ter(), ctx.profile());
        }, ctx.answerThread());
    }

    /** The answer: the transaction's JSON and blob, and the engine result when it was submitted. */
    private static ObjectNode format(STTx tx, TER result, NetworkProfile profile) {
        ObjectNode out = RpcContext.object();
        out.set("tx_json", Json.tx(tx.id(), tx.object(), profile));
        out.put("tx_blob", Json.hex(tx.bytes()));
        if (result != null) {
            out.put("engine_result", result.token());
            out.put("engine_result_code", result.code());
            out.put("engine_result_message", result.message(profile));
        }
        return out;
    }

    // ------------------------------------------------------------------ preparing a transaction

    /** A transaction prepared and signed (or, for sign_for, with the signer's signature aside). */
    private record Prepared(STTx tx, KeyPair keys, byte[] multiSignature) {
    }

    /**
     * rippled's {@code transactionPreProcessImpl}: reads the secret and tx_json, autofills, checks the key
     * against the account, and signs (single) or computes the signer's multi-signature.
     *
     * @param signer the account signing for, or null for a single signature
     */
    private static Prepared prepare(RpcContext ctx, AccountId signer) {
        ObjectNode params = ctx.params();
        NetworkProfile profile = ctx.profile();
        KeyPair keys = Seeds.signingKeys(params, profile);
        boolean verify = !(params.has("offline") && ctx.flag("offline"));
        if (!params.has("tx_json")) {
            throw new RpcFailure(RpcError.missingField("tx_json"));
        }
        JsonNode txJsonNode = params.get("tx_json");
        AccountId src = checkTxJsonFields(ctx, txJsonNode, verify);
        ObjectNode txJson = (ObjectNode) txJsonNode;
        if (!verify && !txJson.has("Sequence")) {
            throw new RpcFailure(RpcError.missingField("tx_json.Sequence"));
        }
        ReadView ledger = ctx.ledgers().currentLedger();
        STObject root = ledger.read(Keylets.account(src));
        if (verify && root == null) {
            throw RpcFailure.of(RpcError.SRC_ACT_NOT_FOUND);
        }
        boolean editFields = signer == null;
        checkFee(ctx, params, verify && editFields, ledger);
        checkPayment(ctx, params, txJson, verify && editFields);
        if (editFields) {
            if (!txJson.has("Sequence")) {
                if (root == null) {
                    throw RpcFailure.of(RpcError.SRC_ACT_NOT_FOUND);
                }
                txJson.put("Sequence", nextQueueableSequence(ctx, src, root.getU32(SField.SEQUENCE), ledger));
            }
            if (!txJson.has("Flags")) {
                txJson.put("Flags", TF_FULLY_CANONICAL_SIG);
            }
        }
        if (verify && signer == null) {
            RpcError mismatch = acctMatchesPubKey(root, src, keys);
            if (mismatch != null) {
                throw RpcFailure.of(mismatch);
            }
        }
        STObject o = parse(txJson, profile);
        o.setBlob(SField.SIGNING_PUB_KEY, signer == null ? keys.publicKey().toBytes() : new byte[0]);
        bind(o, null);
        String local = LocalChecks.check(STTx.of(o));
        if (local != null) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, local);
        }
        byte[] multiSignature = null;
        if (signer != null) {
            multiSignature = keys.sign(BinaryCodec.multiSigningData(o, signer));
        } else {
            o.setBlob(SField.TXN_SIGNATURE, keys.sign(BinaryCodec.signingData(o)));
        }
        STTx tx = signer == null ? construct(o, profile, ledger) : STTx.of(o);
        return new Prepared(tx, keys, multiSignature);
    }

    /** The JSON parsed into a transaction object, or the parser's error answer. */
    private static STObject parse(JsonNode txJson, NetworkProfile profile) {
        try {
            return BinaryCodec.fromJson(txJson, profile);
        } catch (CodecException e) {
            RpcError error = RpcError.fromToken(e.token()).orElse(RpcError.INVALID_PARAMS);
            throw RpcFailure.of(error, e.getMessage());
        }
    }

    /** Binds the object to its transaction template, as rippled's STTx constructor checks it. */
    private static void bind(STObject o, String messagePrefix) {
        try {
            BinaryCodec.bindTransaction(o);
        } catch (CodecException | IllegalArgumentException e) {
            throw RpcFailure.of(RpcError.INTERNAL, messagePrefix == null
                    ? "Exception occurred constructing serialized transaction" : messagePrefix + e.getMessage());
        }
    }

    /** rippled's {@code transactionConstructImpl}: the signed transaction, its signature checked again. */
    private static STTx construct(STObject o, NetworkProfile profile, ReadView ledger) {
        STTx tx;
        try {
            tx = STTx.fromBytes(STTx.of(o).bytes());
        } catch (RuntimeException e) {
            throw RpcFailure.of(RpcError.INTERNAL, "Unable to sterilize transaction.");
        }
        boolean multiSign = ledger.rules().enabled(Amendments.MULTI_SIGN);
        if (!TxSignatures.check(tx, multiSign, profile).valid()) {
            throw RpcFailure.of(RpcError.INTERNAL, "Invalid signature.");
        }
        return tx;
    }

    /** rippled's {@code checkTxJsonFields}: the source account, or the error. */
    private static AccountId checkTxJsonFields(RpcContext ctx, JsonNode txJson, boolean verify) {
        if (txJson == null || !txJson.isObject()) {
            throw new RpcFailure(RpcError.objectField("tx_json"));
        }
        if (!txJson.has("TransactionType")) {
            throw new RpcFailure(RpcError.missingField("tx_json.TransactionType"));
        }
        if (!txJson.has("Account")) {
            throw RpcFailure.of(RpcError.SRC_ACT_MISSING, "Missing field 'tx_json.Account'.");
        }
        Optional<AccountId> src = Accounts.parseAddress(textNode(txJson.get("Account")), ctx.profile());
        if (src.isEmpty()) {
            throw RpcFailure.of(RpcError.SRC_ACT_MALFORMED, "Invalid field 'tx_json.Account'.");
        }
        if (verify && !ctx.app().standalone()) {
            long age = ctx.app().networkTime() - ctx.ledgers().validatedLedger().closeTime();
            if (age > 120) {
                throw RpcFailure.of(RpcError.NO_CURRENT);
            }
        }
        return src.get();
    }

    /** A value read with rippled's {@code asString} as a text node, for the address parser. */
    private static JsonNode textNode(JsonNode v) {
        return v != null && v.isTextual() ? v
                : TextNode.valueOf(RippledJsonValues.asString(v));
    }

    /** rippled's {@code acctMatchesPubKey}: null when the key may sign for the account. */
    private static RpcError acctMatchesPubKey(STObject root, AccountId account, KeyPair keys) {
        AccountId keyAccount = keys.accountId();
        boolean master = keyAccount.equals(account);
        if (root == null) {
            return master ? null : RpcError.BAD_SECRET;
        }
        if (master) {
            return (root.getFlags() & LSF_DISABLE_MASTER) != 0 ? RpcError.MASTER_DISABLED : null;
        }
        if (root.isPresent(SField.REGULAR_KEY) && root.getAccountId(SField.REGULAR_KEY).equals(keyAccount)) {
            return null;
        }
        return RpcError.BAD_SECRET;
    }

    /**
     * rippled's {@code checkFee}: fills in {@code tx_json.Fee} from the base fee scaled by the node's live
     * load (its LoadFeeTrack, as TransactionSign.cpp) and the open ledger's escalated fee, refusing fees above
     * {@code fee_mult_max}/{@code fee_div_max} of the base.
     */
    private static void checkFee(RpcContext ctx, ObjectNode params, boolean autofill, ReadView ledger) {
        ObjectNode tx = (ObjectNode) params.get("tx_json");
        if (tx.has("Fee")) {
            return;
        }
        if (!autofill) {
            throw new RpcFailure(RpcError.missingField("tx_json.Fee"));
        }
        long mult = feeFactor(params, "fee_mult_max", DEFAULT_FEE_MULT, false);
        long div = feeFactor(params, "fee_div_max", DEFAULT_FEE_DIV, true);
        Fees fees = ledger.fees();
        long loadFee = FeeScaling.scaleFeeLoad(FEE_DEFAULT_UNITS, ctx.app().loadFeeTrack(), fees,
                ctx.unlimited());
        long fee = loadFee;
        Optional<TxQ.Metrics> metrics = ctx.app().feeEscalation()
                .metrics(ledger, ctx.ledgers().openTxCount() + assumedTxs(params));
        if (metrics.isPresent()) {
            TxQ.Metrics m = metrics.get();
            long escalated = m.expFeeLevel() * fees.base() / m.referenceFeeLevel();
            if (fees.base() != 0 && escalated * m.referenceFeeLevel() / fees.base() < m.expFeeLevel()) {
                escalated++;
            }
            fee = Math.max(fee, escalated);
        }
        long limit = fees.toDrops(FEE_DEFAULT_UNITS) * mult / div;
        JsonNode queueOkay = params.get("x_queue_okay");
        if (fee > limit && fee != loadFee && queueOkay != null && queueOkay.isBoolean() && queueOkay.booleanValue()) {
            fee = Math.max(loadFee, limit);
        }
        if (fee > limit) {
            throw RpcFailure.of(RpcError.HIGH_FEE, "Fee of " + fee + " exceeds the requested tx limit of " + limit);
        }
        tx.put("Fee", fee);
    }

    /** The account's sequence after those it already has waiting in the queue without a gap. */
    private static long nextQueueableSequence(RpcContext ctx, AccountId account, long sequence, ReadView ledger) {
        long seq = sequence;
        for (TxQ.QueuedTx queued : ctx.app().feeEscalation().queue().accountTxs(account, ledger)) {
            if (queued.sequence() == seq) {
                seq++;
            } else if (queued.sequence() > seq) {
                break;
            }
        }
        return seq;
    }

    /**
     * {@code x_assume_tx}: as many more transactions assumed in the open ledger when the escalated fee is
     * worked out, for a client about to submit a batch; 0 unless a non-negative 32-bit number.
     */
    private static long assumedTxs(ObjectNode params) {
        JsonNode v = params.get("x_assume_tx");
        if (v == null || !(v.isIntegralNumber() || v.isBoolean())) {
            return 0;
        }
        long n = v.isBoolean() ? (v.booleanValue() ? 1 : 0) : v.asLong();
        return n >= 0 && n <= 0xFFFF_FFFFL ? n : 0;
    }

    private static long feeFactor(ObjectNode params, String name, long fallback, boolean positive) {
        JsonNode v = params.get(name);
        if (v == null) {
            return fallback;
        }
        String message = "Invalid field '" + name + "', not a positive integer.";
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw RpcFailure.of(RpcError.HIGH_FEE, message);
        }
        long n = v.intValue();
        if (n < 0 || (positive && n == 0)) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, message);
        }
        return n;
    }

    /**
     * rippled's {@code checkPayment}: a payment needs a valid Amount and Destination, and {@code build_path}
     * (allowed only where the server fills in fields) asks for Paths between the SendMax (by default the
     * Amount issued by the sender) and the Amount.
     *
     * <p>This node has no path finder. It answers a path request as stoxumd does when its path finder finds
     * no path beyond the default one: the transaction goes on without Paths. That is stoxumd's exact answer
     * for payments its default path carries (native to native is refused before any search; issuer to holder
     * and holder to issuer need no path); a payment that needs rippling through third parties is signed
     * without the Paths stoxumd would have found.
     */
    private static void checkPayment(RpcContext ctx, ObjectNode params, JsonNode txJson, boolean doPath) {
        if (!"Payment".equals(RippledJsonValues.asString(txJson.get("TransactionType")))) {
            return;
        }
        if (!txJson.has("Amount")) {
            throw new RpcFailure(RpcError.missingField("tx_json.Amount"));
        }
        STAmount amount = amountOrNull(txJson.get("Amount"), ctx.profile());
        if (amount == null) {
            throw new RpcFailure(RpcError.invalidField("tx_json.Amount"));
        }
        if (!txJson.has("Destination")) {
            throw new RpcFailure(RpcError.missingField("tx_json.Destination"));
        }
        if (Accounts.parseAddress(textNode(txJson.get("Destination")), ctx.profile()).isEmpty()) {
            throw new RpcFailure(RpcError.invalidField("tx_json.Destination"));
        }
        if (!doPath && params.has("build_path")) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Field 'build_path' not allowed in this context.");
        }
        if (txJson.has("Paths") && params.has("build_path")) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Cannot specify both 'tx_json.Paths' and 'build_path'");
        }
        if (!txJson.has("Paths") && params.has("build_path")) {
            boolean sendMaxNative;
            if (txJson.has("SendMax")) {
                STAmount sendMax = amountOrNull(txJson.get("SendMax"), ctx.profile());
                if (sendMax == null) {
                    throw new RpcFailure(RpcError.invalidField("tx_json.SendMax"));
                }
                sendMaxNative = sendMax.isNative();
            } else {
                sendMaxNative = amount.isNative(); // the Amount re-issued by the sender keeps its currency
            }
            if (sendMaxNative && amount.isNative()) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS,
                        "Cannot build " + ctx.profile().nativeCurrency() + " to " + ctx.profile().nativeCurrency()
                                + " paths.");
            }
            // rippled's LegacyPathFind: a limited caller may not search paths while the server is loaded
            if (!ctx.unlimited() && ctx.app().loadFeeTrack().localFee() > FeeTrack.LOAD_BASE) {
                throw RpcFailure.of(RpcError.TOO_BUSY);
            }
        }
    }

    /** rippled's {@code amountFromJsonNoThrow}: the amount, or null when it does not parse. */
    private static STAmount amountOrNull(JsonNode v, NetworkProfile profile) {
        try {
            return STAmount.fromJson(v, profile);
        } catch (CodecException e) {
            return null;
        }
    }

    /** rippled's {@code checkMultiSignFields}. */
    private static void checkMultiSignFields(ObjectNode params) {
        if (!params.has("tx_json")) {
            throw new RpcFailure(RpcError.missingField("tx_json"));
        }
        JsonNode txJson = params.get("tx_json");
        if (!txJson.isObject()) {
            throw new RpcFailure(RpcError.invalidField("tx_json"));
        }
        if (!txJson.has("Sequence")) {
            throw new RpcFailure(RpcError.missingField("tx_json.Sequence"));
        }
        if (!txJson.has("SigningPubKey")) {
            throw new RpcFailure(RpcError.missingField("tx_json.SigningPubKey"));
        }
        if (!RippledJsonValues.asString(txJson.get("SigningPubKey")).isEmpty()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS,
                    "When multi-signing 'tx_json.SigningPubKey' must be empty.");
        }
    }

    /** Sorts the signers by account and refuses duplicates and the transaction's own account. */
    private static void sortAndValidateSigners(List<STObject> signers, AccountId txAccount, NetworkProfile profile) {
        if (signers.isEmpty()) {
            throw RpcFailure.of(RpcError.INVALID_PARAMS, "Signers array may not be empty.");
        }
        signers.sort(Comparator.comparing(s -> s.getAccountId(SField.ACCOUNT)));
        for (int i = 1; i < signers.size(); i++) {
            AccountId a = signers.get(i).getAccountId(SField.ACCOUNT);
            if (a.equals(signers.get(i - 1).getAccountId(SField.ACCOUNT))) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS, "Duplicate Signers:Signer:Account entries ("
                        + a.toAddress(profile) + ") are not allowed.");
            }
        }
        for (STObject s : signers) {
            if (s.getAccountId(SField.ACCOUNT).equals(txAccount)) {
                throw RpcFailure.of(RpcError.INVALID_PARAMS, "A Signer may not be the transaction's Account ("
                        + txAccount.toAddress(profile) + ").");
            }
        }
    }
}
