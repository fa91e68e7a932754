package org.stoxum.codec.binary;

import java.util.HashMap;
import java.util.Map;
import org.stoxum.codec.NetworkProfile;

/**
 * Transaction engine results: token, numeric code and the English message stoxumd prints as
 * {@code engine_result_message} (TER.cpp; Stoxum's messages say STM where the tokens still say XRP).
 *
 * <p>The code ranges classify a result: tel (-399..-300) local, tem (-299..-200) malformed, tef
 * (-199..-100) failure, ter (-99..-1) retry, tes (0) success, tec (100..255) claimed fee. Only tes and tec
 * are ever written to a ledger (as metadata's UInt8 TransactionResult).
 */
public enum TER {
    telLOCAL_ERROR(-399, "Local failure."),
    telBAD_DOMAIN(-398, "Domain too long."),
    telBAD_PATH_COUNT(-397, "Malformed: Too many paths."),
    telBAD_PUBLIC_KEY(-396, "Public key too long."),
    telFAILED_PROCESSING(-395, "Failed to correctly process transaction."),
    telINSUF_FEE_P(-394, "Fee insufficient."),
    telNO_DST_PARTIAL(-393, "Partial payment to create account not allowed."),
    telCAN_NOT_QUEUE(-392, "Can not queue at this time."),
    telCAN_NOT_QUEUE_BALANCE(-391, "Can not queue at this time: insufficient balance to pay all queued fees."),
    telCAN_NOT_QUEUE_BLOCKS(-390, "Can not queue at this time: would block later queued transaction(s)."),
    telCAN_NOT_QUEUE_BLOCKED(-389, "Can not queue at this time: blocking transaction in queue."),
    telCAN_NOT_QUEUE_FEE(-388, "Can not queue at this time: fee insufficient to replace queued transaction."),
    telCAN_NOT_QUEUE_FULL(-387, "Can not queue at this time: queue is full."),
    temMALFORMED(-299, "Malformed transaction."),
    temBAD_AMOUNT(-298, "Can only send positive amounts."),
    temBAD_CURRENCY(-297, "Malformed: Bad currency."),
    temBAD_EXPIRATION(-296, "Malformed: Bad expiration."),
    temBAD_FEE(-295, "Invalid fee, negative or not STM."),
    temBAD_ISSUER(-294, "Malformed: Bad issuer."),
    temBAD_LIMIT(-293, "Limits must be non-negative."),
    temBAD_OFFER(-292, "Malformed: Bad offer."),
    temBAD_PATH(-291, "Malformed: Bad path."),
    temBAD_PATH_LOOP(-290, "Malformed: Loop in path."),
    temBAD_SEND_XRP_LIMIT(-289, "Malformed: Limit quality is not allowed for STM to STM."),
    temBAD_SEND_XRP_MAX(-288, "Malformed: Send max is not allowed for STM to STM."),
    temBAD_SEND_XRP_NO_DIRECT(-287, "Malformed: No Ripple direct is not allowed for STM to STM."),
    temBAD_SEND_XRP_PARTIAL(-286, "Malformed: Partial payment is not allowed for STM to STM."),
    temBAD_SEND_XRP_PATHS(-285, "Malformed: Paths are not allowed for STM to STM."),
    temBAD_SEQUENCE(-284, "Malformed: Sequence is not in the past."),
    temBAD_SIGNATURE(-283, "Malformed: Bad signature."),
    temBAD_SRC_ACCOUNT(-282, "Malformed: Bad source account."),
    temBAD_TRANSFER_RATE(-281, "Malformed: Transfer rate must be >= 1.0 and <= 2.0"),
    temDST_IS_SRC(-280, "Destination may not be source."),
    temDST_NEEDED(-279, "Destination not specified."),
    temINVALID(-278, "The transaction is ill-formed."),
    temINVALID_FLAG(-277, "The transaction has an invalid flag."),
    temREDUNDANT(-276, "Sends same currency to self."),
    temRIPPLE_EMPTY(-275, "PathSet with no paths."),
    temDISABLED(-274, "The transaction requires logic that is currently disabled."),
    temBAD_SIGNER(-273, "Malformed: No signer may duplicate account or other signers."),
    temBAD_QUORUM(-272, "Malformed: Quorum is unreachable."),
    temBAD_WEIGHT(-271, "Malformed: Weight must be a positive value."),
    temBAD_TICK_SIZE(-270, "Malformed: Tick size out of range."),
    temUNCERTAIN(-269, "In process of determining result. Never returned."),
    temUNKNOWN(-268, "The transaction requires logic that is not implemented yet."),
    tefFAILURE(-199, "Failed to apply."),
    tefALREADY(-198, "The exact transaction was already in this ledger."),
    tefBAD_ADD_AUTH(-197, "Not authorized to add account."),
    tefBAD_AUTH(-196, "Transaction's public key is not authorized."),
    tefBAD_LEDGER(-195, "Ledger in unexpected state."),
    tefCREATED(-194, "Can't add an already created account."),
    tefEXCEPTION(-193, "Unexpected program state."),
    tefINTERNAL(-192, "Internal error."),
    tefNO_AUTH_REQUIRED(-191, "Auth is not required."),
    tefPAST_SEQ(-190, "This sequence number has already passed."),
    tefWRONG_PRIOR(-189, "This previous transaction does not match."),
    tefMASTER_DISABLED(-188, "Master key is disabled."),
    tefMAX_LEDGER(-187, "Ledger sequence too high."),
    tefBAD_SIGNATURE(-186, "A signature is provided for a non-signer."),
    tefBAD_QUORUM(-185, "Signatures provided do not meet the quorum."),
    tefNOT_MULTI_SIGNING(-184, "Account has no appropriate list of multi-signers."),
    tefBAD_AUTH_MASTER(-183, "Auth for unclaimed account needs correct master key."),
    tefINVARIANT_FAILED(-182, "Fee claim violated invariants for the transaction."),
    terRETRY(-99, "Retry transaction."),
    terFUNDS_SPENT(-98, "Can't set password, password set funds already spent."),
    terINSUF_FEE_B(-97, "Account balance can't pay fee."),
    terNO_ACCOUNT(-96, "The source account does not exist."),
    terNO_AUTH(-95, "Not authorized to hold IOUs."),
    terNO_LINE(-94, "No such line."),
    terOWNERS(-93, "Non-zero owner count."),
    terPRE_SEQ(-92, "Missing/inapplicable prior transaction."),
    terLAST(-91, "Process last."),
    terNO_RIPPLE(-90, "Path does not permit rippling."),
    terQUEUED(-89, "Held until escalated fee drops."),
    tesSUCCESS(0, "The transaction was applied. Only final in a validated ledger."),
    tecCLAIM(100, "Fee claimed. Sequence used. No action."),
    tecPATH_PARTIAL(101, "Path could not send full amount."),
    tecUNFUNDED_ADD(102, "Insufficient STM balance for WalletAdd."),
    tecUNFUNDED_OFFER(103, "Insufficient balance to fund created offer."),
    tecUNFUNDED_PAYMENT(104, "Insufficient STM balance to send."),
    tecFAILED_PROCESSING(105, "Failed to correctly process transaction."),
    tecDIR_FULL(121, "Can not add entry to full directory."),
    tecINSUF_RESERVE_LINE(122, "Insufficient reserve to add trust line."),
    tecINSUF_RESERVE_OFFER(123, "Insufficient reserve to create offer."),
    tecNO_DST(124, "Destination does not exist. Send STM to create it."),
    tecNO_DST_INSUF_XRP(125, "Destination does not exist. Too little STM sent to create it."),
    tecNO_LINE_INSUF_RESERVE(126, "No such line. Too little reserve to create it."),
    tecNO_LINE_REDUNDANT(127, "Can't set non-existent line to default."),
    tecPATH_DRY(128, "Path could not send partial amount."),
    tecUNFUNDED(129, "One of _ADD, _OFFER, or _SEND. Deprecated."),
    tecNO_ALTERNATIVE_KEY(130, "The operation would remove the ability to sign transactions with the account."),
    tecNO_REGULAR_KEY(131, "Regular key is not set."),
    tecOWNERS(132, "Non-zero owner count."),
    tecNO_ISSUER(133, "Issuer account does not exist."),
    tecNO_AUTH(134, "Not authorized to hold asset."),
    tecNO_LINE(135, "No such line."),
    tecINSUFF_FEE(136, "Insufficient balance to pay fee."),
    tecFROZEN(137, "Asset is frozen."),
    tecNO_TARGET(138, "Target account does not exist."),
    tecNO_PERMISSION(139, "No permission to perform requested operation."),
    tecNO_ENTRY(140, "No matching entry found."),
    tecINSUFFICIENT_RESERVE(141, "Insufficient reserve to complete requested operation."),
    tecNEED_MASTER_KEY(142, "The operation requires the use of the Master Key."),
    tecDST_TAG_NEEDED(143, "A destination tag is required."),
    tecINTERNAL(144, "An internal error has occurred during processing."),
    tecOVERSIZE(145, "Object exceeded serialization limits."),
    tecCRYPTOCONDITION_ERROR(146, "Malformed, invalid, or mismatched conditional or fulfillment."),
    tecINVARIANT_FAILED(147, "One or more invariants for the transaction were not satisfied."),
    tecEXPIRED(148, "Expiration time is passed.");

    private static final Map<Integer, TER> BY_CODE = new HashMap<>();
    private static final Map<String, TER> BY_TOKEN = new HashMap<>();

    static {
        for (TER t : values()) {
            BY_CODE.put(t.code, t);
            BY_TOKEN.put(t.name(), t);
        }
    }

    private final int code;
    private final String message;

    TER(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The numeric result code. */
    public int code() {
        return code;
    }

    /** The token, e.g. {@code tecNO_DST}; the same as {@link #name()}. */
    public String token() {
        return name();
    }

    /** The human message stoxumd prints for this result. */
    public String message() {
        return message;
    }

    /**
     * The human message as a server of {@code profile} prints it: stoxumd's messages name STM where
     * rippled's name XRP, and only the currency word differs.
     */
    public String message(NetworkProfile profile) {
        return profile == NetworkProfile.STOXUM ? message : message.replace("STM", profile.nativeCurrency());
    }

    /** The result with this code, or null if stoxumd has none. */
    public static TER fromCode(int code) {
        return BY_CODE.get(code);
    }

    /** The result with this token (exact spelling), or null. */
    public static TER fromToken(String token) {
        return BY_TOKEN.get(token);
    }

    /** tel: a local error, never relayed. */
    public boolean isTel() {
        return code >= -399 && code < -299;
    }

    /** tem: the transaction is malformed and can never succeed. */
    public boolean isTem() {
        return code >= -299 && code < -199;
    }

    /** tef: failed in this ledger state, no fee claimed. */
    public boolean isTef() {
        return code >= -199 && code < -99;
    }

    /** ter: may succeed later; retried. */
    public boolean isTer() {
        return code >= -99 && code < 0;
    }

    /** tesSUCCESS. */
    public boolean isTes() {
        return code == 0;
    }

    /** tec: failed but the fee was claimed and the result recorded in the ledger. */
    public boolean isTec() {
        return code >= 100;
    }
}
