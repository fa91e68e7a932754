package org.stoxum.engine.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.LedgerEntryType;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.SOTemplate;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * The changes one transaction makes on top of a base view (rippled's {@code ApplyStateTable}): each
 * touched entry with what happened to it, in key order. Applying the table to an open view writes the
 * changes and, when the view is a ledger being closed, the transaction's metadata: affected nodes with the
 * fields chosen by each field's metadata flags, and the PreviousTxnID threading.
 */
final class ApplyStateTable {
    enum Action {
        /** Read for editing but not changed (yet). */
        CACHE,
        ERASE,
        INSERT,
        MODIFY
    }

    static final class Item {
        Action action;
        SLE sle;

        Item(Action action, SLE sle) {
            this.action = action;
            this.sle = sle;
        }
    }

    private final TreeMap<Hash256, Item> items = new TreeMap<>();
    private long dropsDestroyed;

    /** Writes the changes into {@code to} without metadata. */
    void apply(RawView to) {
        to.rawDestroyXRP(dropsDestroyed);
        for (Item item : items.values()) {
            switch (item.action) {
                case ERASE -> to.rawErase(item.sle);
                case INSERT -> to.rawInsert(item.sle);
                case MODIFY -> to.rawReplace(item.sle);
                case CACHE -> {
                }
            }
        }
    }

    /** The number of entries changed. */
    int size() {
        int n = 0;
        for (Item item : items.values()) {
            if (item.action != Action.CACHE) {
                n++;
            }
        }
        return n;
    }

    void visit(ReadView base, EntryVisitor v) {
        for (Map.Entry<Hash256, Item> e : items.entrySet()) {
            Item item = e.getValue();
            switch (item.action) {
                case ERASE -> v.visit(e.getKey(), true, base.read(Keylets.unchecked(e.getKey())), item.sle.object());
                case INSERT -> v.visit(e.getKey(), false, null, item.sle.object());
                case MODIFY -> v.visit(e.getKey(), false, base.read(Keylets.unchecked(e.getKey())), item.sle.object());
                case CACHE -> {
                }
            }
        }
    }

    /**
     * Writes the changes and the transaction into {@code to}; for a closed view, with metadata recording
     * {@code result} and {@code deliver} (null: none).
     */
    void apply(OpenView to, STTx tx, TER result, STAmount deliver) {
        byte[] meta = null;
        if (!to.open()) {
            TxMeta m = new TxMeta(tx.id(), to.seq());
            if (deliver != null) {
                m.setDeliveredAmount(deliver);
            }
            Map<Hash256, SLE> mods = new HashMap<>();
            for (Map.Entry<Hash256, Item> e : items.entrySet()) {
                describe(to, m, e.getKey(), e.getValue(), mods);
            }
            for (SLE mod : mods.values()) {
                to.rawReplace(mod);
            }
            meta = m.serialize(result, to.txCount());
        }
        to.rawTxInsert(tx.id(), tx.sharedBytes(), meta);
        apply(to);
    }

    private void describe(OpenView to, TxMeta m, Hash256 key, Item item, Map<Hash256, SLE> mods) {
        SField kind = switch (item.action) {
            case ERASE -> SField.DELETED_NODE;
            case INSERT -> SField.CREATED_NODE;
            case MODIFY -> SField.MODIFIED_NODE;
            case CACHE -> null;
        };
        if (kind == null) {
            return;
        }
        STObject orig = to.read(Keylets.unchecked(key));
        SLE cur = item.sle;
        if (kind == SField.MODIFIED_NODE && cur.object().equals(orig)) {
            return;
        }
        int entryType = cur.object().getU16(SField.LEDGER_ENTRY_TYPE);
        STObject node = m.setAffectedNode(key, kind, entryType);
        if (kind == SField.DELETED_NODE) {
            threadOwners(to, m, orig, mods);
            addChanged(node, SField.PREVIOUS_FIELDS, orig, cur.object());
            addPresent(node, SField.FINAL_FIELDS, cur.object(), SField.META_ALWAYS | SField.META_DELETE_FINAL, false);
        } else if (kind == SField.MODIFIED_NODE) {
            if (cur.isThreaded()) {
                threadItem(m, cur);
            }
            addChanged(node, SField.PREVIOUS_FIELDS, orig, cur.object());
            addPresent(node, SField.FINAL_FIELDS, cur.object(), SField.META_ALWAYS | SField.META_CHANGE_NEW, false);
        } else {
            threadOwners(to, m, cur.object(), mods);
            if (cur.isThreaded()) {
                threadItem(m, cur);
            }
            addPresent(node, SField.NEW_FIELDS, cur.object(), SField.META_CREATE | SField.META_ALWAYS, true);
        }
    }

    /**
     * PreviousFields: the original values of fields recorded on change that the transaction changed. As
     * in rippled, which walks every field of the entry's template, a field that was absent before and is
     * present now contributes an empty placeholder: nothing is written for it, but it makes the
     * (possibly empty) PreviousFields object appear.
     */
    private static void addChanged(STObject node, SField name, STObject orig, STObject cur) {
        STObject out = new STObject(name);
        boolean any = false;
        for (SField f : templateFields(orig)) {
            if (!f.shouldMeta(SField.META_CHANGE_ORIG)) {
                continue;
            }
            boolean before = orig.isPresent(f);
            boolean after = cur.isPresent(f);
            if (!before) {
                any |= after;
                continue;
            }
            if (after && orig.sameValue(f, cur)) {
                continue;
            }
            out.copyFieldFrom(orig, f);
            any = true;
        }
        if (any) {
            node.setObject(name, out);
        }
    }

    /**
     * FinalFields or NewFields: the present fields whose metadata flags match {@code mask} (for NewFields
     * only those not at their default). Absent template fields count as placeholders except for NewFields,
     * where rippled skips them as defaults.
     */
    private static void addPresent(STObject node, SField name, STObject cur, int mask, boolean skipDefaults) {
        STObject out = new STObject(name);
        boolean any = false;
        for (SField f : templateFields(cur)) {
            if (!f.shouldMeta(mask)) {
                continue;
            }
            if (!cur.isPresent(f)) {
                any |= !skipDefaults;
                continue;
            }
            if (skipDefaults && cur.isDefault(f)) {
                continue;
            }
            out.copyFieldFrom(cur, f);
            any = true;
        }
        if (any) {
            node.setObject(name, out);
        }
    }

    private static final Map<SOTemplate, List<SField>> TEMPLATE_FIELDS = new ConcurrentHashMap<>();

    /** Every field of the entry's template (present or not), as rippled's templated objects hold them. */
    private static List<SField> templateFields(STObject o) {
        SOTemplate t = o.template();
        if (t == null) {
            return o.fields();
        }
        return TEMPLATE_FIELDS.computeIfAbsent(t,
                k -> k.elements().stream().map(SOTemplate.Element::field).toList());
    }

    private static void threadItem(TxMeta m, SLE sle) {
        SLE.Previous previous = sle.thread(m.txId(), m.ledgerSeq());
        if (previous == null || previous.txId().isZero()) {
            return;
        }
        TxMeta.thread(m.affectedNode(sle, SField.MODIFIED_NODE), previous);
    }

    /** Records the transaction on the account roots that own the created or deleted entry. */
    private void threadOwners(OpenView base, TxMeta m, STObject sle, Map<Hash256, SLE> mods) {
        LedgerEntryType type = LedgerEntryType.fromCode(sle.getU16(SField.LEDGER_ENTRY_TYPE));
        switch (type) {
            case ACCOUNT_ROOT -> {
            }
            case ESCROW, PAY_CHANNEL -> {
                threadTx(base, m, sle.getAccountId(SField.ACCOUNT), mods);
                threadTx(base, m, sle.getAccountId(SField.DESTINATION), mods);
            }
            case RIPPLE_STATE -> {
                threadTx(base, m, sle.getAmount(SField.LOW_LIMIT).issuer(), mods);
                threadTx(base, m, sle.getAmount(SField.HIGH_LIMIT).issuer(), mods);
            }
            default -> {
                if (sle.isPresent(SField.ACCOUNT)) {
                    threadTx(base, m, sle.getAccountId(SField.ACCOUNT), mods);
                }
            }
        }
    }

    private void threadTx(OpenView base, TxMeta m, AccountId to, Map<Hash256, SLE> mods) {
        SLE sle = forMod(base, Keylets.account(to).key(), mods);
        if (sle == null) {
            throw new IllegalStateException("threading to a missing account " + to);
        }
        threadItem(m, sle);
    }

    /** The entry to change for threading: one this table changed, or a copy kept among {@code mods}. */
    private SLE forMod(OpenView base, Hash256 key, Map<Hash256, SLE> mods) {
        SLE mod = mods.get(key);
        if (mod != null) {
            return mod;
        }
        Item item = items.get(key);
        if (item != null) {
            if (item.action == Action.ERASE) {
                return null;
            }
            if (item.action != Action.CACHE) {
                return item.sle;
            }
        }
        STObject c = base.read(Keylets.unchecked(key));
        if (c == null) {
            return null;
        }
        SLE copy = SLE.of(key, c.copy());
        mods.put(key, copy);
        return copy;
    }

    // ------------------------------------------------------------------ view operations

    boolean exists(ReadView base, Keylet k) {
        Item item = items.get(k.key());
        if (item == null) {
            return base.exists(k);
        }
        return item.action != Action.ERASE && k.check(item.sle.object());
    }

    Hash256 succ(ReadView base, Hash256 key, Hash256 last) {
        Hash256 next = key;
        // The base's successor that this table did not erase.
        while (true) {
            next = base.succ(next, last);
            if (next == null) {
                break;
            }
            Item item = items.get(next);
            if (item == null || item.action != Action.ERASE) {
                break;
            }
        }
        for (Map.Entry<Hash256, Item> e : items.tailMap(key, false).entrySet()) {
            if (e.getValue().action != Action.ERASE) {
                if (next == null || next.compareTo(e.getKey()) > 0) {
                    next = e.getKey();
                }
                break;
            }
        }
        if (next != null && last != null && next.compareTo(last) >= 0) {
            return null;
        }
        return next;
    }

    STObject read(ReadView base, Keylet k) {
        Item item = items.get(k.key());
        if (item == null) {
            return base.read(k);
        }
        if (item.action == Action.ERASE || !k.check(item.sle.object())) {
            return null;
        }
        return item.sle.object();
    }

    SLE peek(ReadView base, Keylet k) {
        Item item = items.get(k.key());
        if (item == null) {
            STObject sle = base.read(k);
            if (sle == null) {
                return null;
            }
            SLE copy = SLE.of(k.key(), sle.copy());
            items.put(k.key(), new Item(Action.CACHE, copy));
            return copy;
        }
        if (item.action == Action.ERASE || !k.check(item.sle.object())) {
            return null;
        }
        return item.sle;
    }

    void erase(SLE sle) {
        Item item = items.get(sle.key());
        if (item == null || item.sle != sle) {
            throw new IllegalStateException("erase of an entry not peeked from this view: " + sle.key());
        }
        switch (item.action) {
            case ERASE -> throw new IllegalStateException("double erase of " + sle.key());
            case INSERT -> items.remove(sle.key());
            case CACHE, MODIFY -> item.action = Action.ERASE;
        }
    }

    void rawErase(SLE sle) {
        Item item = items.get(sle.key());
        if (item == null) {
            items.put(sle.key(), new Item(Action.ERASE, sle));
            return;
        }
        switch (item.action) {
            case ERASE -> throw new IllegalStateException("double erase of " + sle.key());
            case INSERT -> items.remove(sle.key());
            case CACHE, MODIFY -> {
                item.action = Action.ERASE;
                item.sle = sle;
            }
        }
    }

    void insert(SLE sle) {
        Item item = items.get(sle.key());
        if (item == null) {
            items.put(sle.key(), new Item(Action.INSERT, sle));
            return;
        }
        if (item.action != Action.ERASE) {
            throw new IllegalStateException("insert of an existing entry " + sle.key());
        }
        item.action = Action.MODIFY;
        item.sle = sle;
    }

    void replace(SLE sle) {
        Item item = items.get(sle.key());
        if (item == null) {
            items.put(sle.key(), new Item(Action.MODIFY, sle));
            return;
        }
        switch (item.action) {
            case ERASE -> throw new IllegalStateException("replace of an erased entry " + sle.key());
            case CACHE -> item.action = Action.MODIFY;
            case INSERT, MODIFY -> {
            }
        }
        item.sle = sle;
    }

    void update(SLE sle) {
        Item item = items.get(sle.key());
        if (item == null || item.sle != sle) {
            throw new IllegalStateException("update of an entry not peeked from this view: " + sle.key());
        }
        switch (item.action) {
            case ERASE -> throw new IllegalStateException("update of an erased entry " + sle.key());
            case CACHE -> item.action = Action.MODIFY;
            case INSERT, MODIFY -> {
            }
        }
    }

    void destroyXRP(long drops) {
        dropsDestroyed += drops;
    }
}
