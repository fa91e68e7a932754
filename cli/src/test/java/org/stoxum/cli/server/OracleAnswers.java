package org.stoxum.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an answer with the original server's, leaving out what /work/shared/oracle/README.md says
 * depends on the wall clock, the machine or randomness: close times and dates, every ledger hash and the
 * parent/account hashes of ledgers after ledger 1, the skip list's {@code Hashes}, uptime and durations,
 * latency, host and node identity, the job queue's live counters, and random values.
 */
final class OracleAnswers {
    /** Members that are never compared. */
    private static final Set<String> IGNORED = Set.of("hostid", "io_latency_ms", "uptime", "pubkey_node",
            "duration_us", "age", "converge_time_s", "converge_time", "random", "Hashes");
    /** Members that name a ledger or its time: compared for ledger 1 only. */
    private static final Set<String> CLOCK_DEPENDENT = Set.of("close_time", "close_time_human",
            "parent_close_time", "date", "ledger_hash", "account_hash", "parent_hash", "ledger_time");

    private OracleAnswers() {
    }

    /** What differs, one line per difference; empty when the answers agree. */
    static List<String> differences(JsonNode got, JsonNode want) {
        List<String> out = new ArrayList<>();
        compare(got, want, "", false, out);
        return out;
    }

    private static void compare(JsonNode got, JsonNode want, String path, boolean inLedgerOne, List<String> out) {
        if (got == null || want == null) {
            out.add(path + ": " + (got == null ? "missing" : "unexpected " + abbreviate(got)));
            return;
        }
        if (got.isObject() && want.isObject()) {
            boolean ledgerOne = inLedgerOne || describesLedgerOne(want);
            Set<String> names = new TreeSet<>();
            got.fieldNames().forEachRemaining(names::add);
            want.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (ignored(name, want, path, ledgerOne)) {
                    continue;
                }
                JsonNode g = got.get(name);
                JsonNode w = want.get(name);
                if (g == null) {
                    out.add(path + "." + name + ": missing, want " + abbreviate(w));
                } else if (w == null) {
                    out.add(path + "." + name + ": unexpected " + abbreviate(g));
                } else {
                    compare(g, w, path + "." + name, ledgerOne, out);
                }
            }
            return;
        }
        if (got.isArray() && want.isArray()) {
            if (got.size() != want.size()) {
                out.add(path + ": " + got.size() + " elements, want " + want.size());
            }
            Iterator<JsonNode> g = got.elements();
            Iterator<JsonNode> w = want.elements();
            for (int i = 0; g.hasNext() && w.hasNext(); i++) {
                compare(g.next(), w.next(), path + "[" + i + "]", inLedgerOne, out);
            }
            return;
        }
        if (got.isNumber() && want.isNumber()) {
            if (got.decimalValue().compareTo(want.decimalValue()) != 0) {
                out.add(path + ": " + got + ", want " + want);
            }
            return;
        }
        if (!got.equals(want)) {
            out.add(path + ": " + abbreviate(got) + ", want " + abbreviate(want));
        }
    }

    private static boolean ignored(String name, JsonNode object, String path, boolean ledgerOne) {
        if (IGNORED.contains(name) || (name.equals("job_types") && path.endsWith(".load"))) {
            return true;
        }
        if (ledgerOne) {
            return false;
        }
        if (CLOCK_DEPENDENT.contains(name)) {
            return true;
        }
        // The hash of a ledger (its header has seqNum, validated_ledger has seq), not of a transaction.
        return name.equals("hash") && (object.has("seqNum") || object.has("seq")) && !object.has("TransactionType");
    }

    /** True for the answer or header of ledger 1, whose every field is fixed. */
    private static boolean describesLedgerOne(JsonNode o) {
        JsonNode seq = o.has("seqNum") ? o.get("seqNum") : o.get("ledger_index");
        return seq != null && seq.asText().equals("1") && !o.has("TransactionType");
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
