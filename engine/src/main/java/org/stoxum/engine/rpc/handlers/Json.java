package org.stoxum.engine.rpc.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.types.Hash256;
import org.stoxum.storage.ledger.LedgerTimes;

/** The JSON forms the API gives protocol objects, as rippled's {@code getJson} methods write them. */
public final class Json {
    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** A ledger entry with its {@code index} (rippled's {@code STLedgerEntry::getJson}). */
    public static ObjectNode entry(Hash256 key, STObject sle, NetworkProfile profile) {
        ObjectNode out = sle.toJson(profile);
        out.put("index", key.toString());
        return out;
    }

    /** A transaction with its {@code hash} (rippled's {@code STTx::getJson}). */
    public static ObjectNode tx(Hash256 id, STObject tx, NetworkProfile profile) {
        ObjectNode out = tx.toJson(profile);
        out.put("hash", id.toString());
        return out;
    }

    /** Upper-case hex of bytes. */
    public static String hex(byte[] bytes) {
        return Hex.encode(bytes);
    }

    /** A network time as rippled prints it: {@code 2026-Nov-24 04:03:30}. */
    public static String humanTime(long networkSeconds) {
        return HUMAN_TIME.format(LedgerTimes.toInstant(networkSeconds));
    }
}
