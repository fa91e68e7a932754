package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.testing.SharedVectors;

/** The bundled field table against both shared tables, and the enums and templates built on it. */
class DefinitionsTest {
    private static final JsonNode SPEC = SharedVectors.readJson(SharedVectors.shared().resolve("spec/definitions.json"));
    private static final JsonNode VECTORS = SharedVectors.json("codec/stoxumd-definitions.json");

    @Test
    void bundledTableIsTheSpecificationTable() {
        assertEquals(SPEC, Definitions.root());
    }

    /**
     * The two shared tables agree on every field, type and code; the specification's copy lists the two end
     * markers at their type's position instead of near the top and adds five sections (formats and flags).
     */
    @Test
    void specificationAndVectorTablesDifferOnlyInOrderAndExtraSections() {
        for (String section : List.of("TYPES", "LEDGER_ENTRY_TYPES", "TRANSACTION_RESULTS", "TRANSACTION_TYPES")) {
            assertEquals(VECTORS.get(section), SPEC.get(section), section);
        }
        assertEquals(fieldMap(VECTORS), fieldMap(SPEC));
        assertEquals(145, SPEC.get("FIELDS").size());
        Set<String> extra = new TreeSet<>();
        SPEC.fieldNames().forEachRemaining(extra::add);
        VECTORS.fieldNames().forEachRemaining(extra::remove);
        assertEquals(Set.of("TRANSACTION_FORMATS", "LEDGER_ENTRY_FORMATS", "TRANSACTION_FLAGS",
                "LEDGER_ENTRY_FLAGS", "ACCOUNT_SET_FLAGS"), extra);
        assertFalse(names(SPEC).equals(names(VECTORS)), "field order is expected to differ");
    }

    @Test
    void everyNamedFieldIsLoadedWithItsAttributes() {
        int loaded = 0;
        for (JsonNode entry : SPEC.get("FIELDS")) {
            String name = entry.get(0).asText();
            JsonNode info = entry.get(1);
            SField f = SField.forName(name);
            if (Set.of("Generic", "Invalid", "ObjectEndMarker", "ArrayEndMarker").contains(name)) {
                assertNull(f, name);
                continue;
            }
            assertNotNull(f, name);
            assertEquals(info.get("type").asText(), f.type().jsonName(), name);
            assertEquals(info.get("nth").asInt(), f.nth(), name);
            assertEquals(info.get("isSerialized").asBoolean(), f.isSerialized(), name);
            assertEquals(info.get("isSigningField").asBoolean(), f.isSigningField(), name);
            assertEquals(info.get("isVLEncoded").asBoolean(), f.isVLEncoded(), name);
            assertTrue(f.isKnown());
            if (f.isSerialized()) {
                assertSame(f, SField.forCode(f.type().code(), f.nth()), name);
            }
            loaded++;
        }
        assertEquals(141, loaded);
        assertEquals(141, SField.knownFields().size());
    }

    @Test
    void everyKnownFieldHasExactlyOneConstant() throws IllegalAccessException {
        Set<SField> constants = new HashSet<>();
        for (Field f : SField.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SField.class && f.get(null) != SField.GENERIC) {
                assertTrue(constants.add((SField) f.get(null)), f.getName());
            }
        }
        assertEquals(new HashSet<>(SField.knownFields()), constants);
    }

    @Test
    void signingAndMetadataAttributes() {
        Set<String> nonSigning = new TreeSet<>();
        for (SField f : SField.knownFields()) {
            if (f.isSerialized() && !f.isSigningField()) {
                nonSigning.add(f.name());
            }
        }
        assertEquals(Set.of("MasterSignature", "Signature", "Signers", "TxnSignature"), nonSigning);
        assertEquals(SField.META_NEVER, SField.LEDGER_ENTRY_TYPE.meta());
        assertEquals(SField.META_NEVER, SField.INDEXES.meta());
        assertEquals(SField.META_ALWAYS, SField.ROOT_INDEX.meta());
        assertEquals(SField.META_DELETE_FINAL, SField.PREVIOUS_TXN_ID.meta());
        assertEquals(SField.META_DELETE_FINAL, SField.PREVIOUS_TXN_LGR_SEQ.meta());
        assertEquals(SField.META_DEFAULT, SField.BALANCE.meta());
        assertTrue(SField.BALANCE.shouldMeta(SField.META_CHANGE_ORIG));
        assertTrue(SField.INDEX.isDiscardable() && SField.HASH.isDiscardable());
        assertFalse(SField.ACCOUNT.isDiscardable());
    }

    @Test
    void headersFollowTheFourForms() {
        assertEquals("12", org.stoxum.codec.Hex.encode(SField.TRANSACTION_TYPE.header()));
        assertEquals("0112", org.stoxum.codec.Hex.encode(SField.PATHS.header()));
        assertEquals("6012", org.stoxum.codec.Hex.encode(SField.DELIVERED_AMOUNT.header()));
        assertEquals("001010", org.stoxum.codec.Hex.encode(SField.TICK_SIZE.header()));
        assertEquals("F010", org.stoxum.codec.Hex.encode(SField.MAJORITIES.header()));
        assertEquals(0, SField.HASH.headerLength());
    }

    @Test
    void dynamicFieldsForUnnamedNumbersOfWireTypes() {
        SField f = SField.forCode(2, 50);
        assertEquals("2/50", f.name());
        assertFalse(f.isKnown());
        assertSame(f, SField.forCode(2, 50));
        assertTrue(f.isSigningField() && f.isSerialized());
        assertNull(SField.forName("2/50"));
        assertNull(SField.forCode(9, 1), "types 9..13 do not exist");
        assertNull(SField.forCode(20, 1));
        assertNull(SField.forCode(5, 256));
    }

    @Test
    void resultsMatchTheTableAndCarryStoxumMessages() {
        JsonNode results = SPEC.get("TRANSACTION_RESULTS");
        assertEquals(results.size(), TER.values().length);
        results.fields().forEachRemaining(e -> {
            TER t = TER.fromToken(e.getKey());
            assertNotNull(t, e.getKey());
            assertEquals(e.getValue().asInt(), t.code(), e.getKey());
            assertSame(t, TER.fromCode(t.code()));
            assertFalse(t.message().isEmpty());
        });
        assertEquals("Destination does not exist. Send STM to create it.", TER.tecNO_DST.message());
        assertEquals("Invalid fee, negative or not STM.", TER.temBAD_FEE.message());
        assertEquals("The transaction was applied. Only final in a validated ledger.", TER.tesSUCCESS.message());
        assertEquals(-289, TER.temBAD_SEND_XRP_LIMIT.code());
        assertTrue(TER.telCAN_NOT_QUEUE_FULL.isTel() && TER.temUNKNOWN.isTem() && TER.tefINVARIANT_FAILED.isTef()
                && TER.terQUEUED.isTer() && TER.tesSUCCESS.isTes() && TER.tecEXPIRED.isTec());
    }

    @Test
    void typesMatchTheTable() {
        JsonNode txTypes = SPEC.get("TRANSACTION_TYPES");
        assertEquals(txTypes.size() - 1, TxType.values().length);
        for (TxType t : TxType.values()) {
            assertEquals(txTypes.get(t.jsonName()).asInt(), t.code(), t.jsonName());
        }
        JsonNode leTypes = SPEC.get("LEDGER_ENTRY_TYPES");
        assertEquals(leTypes.size() - 1, LedgerEntryType.values().length);
        for (LedgerEntryType t : LedgerEntryType.values()) {
            assertEquals(leTypes.get(t.jsonName()).asInt(), t.code(), t.jsonName());
        }
    }

    @Test
    void templatesFollowTxFormatsAndLedgerFormats() {
        for (TxType t : TxType.values()) {
            SOTemplate tmpl = t.template();
            assertEquals(SField.TRANSACTION_TYPE, tmpl.elements().get(0).field());
            assertEquals(SOTemplate.Style.REQUIRED, tmpl.style(SField.SIGNING_PUB_KEY), t.jsonName());
            assertEquals(SOTemplate.Style.OPTIONAL, tmpl.style(SField.SIGNERS), t.jsonName());
            assertEquals(14 + SPEC.at("/TRANSACTION_FORMATS/" + t.jsonName()).size(), tmpl.elements().size());
        }
        assertEquals(SOTemplate.Style.DEFAULT, TxType.PAYMENT.template().style(SField.PATHS));
        assertEquals(SOTemplate.Style.REQUIRED, TxType.PAYMENT_CHANNEL_CREATE.template().style(SField.PUBLIC_KEY));
        assertEquals(SOTemplate.Style.OPTIONAL, TxType.TICKET_CREATE.template().style(SField.TARGET));
        assertEquals(SOTemplate.Style.REQUIRED, TxType.TICKET_CANCEL.template().style(SField.TICKET_ID));
        assertNull(TxType.TRUST_SET.template().style(SField.AMOUNT));
        for (LedgerEntryType t : LedgerEntryType.values()) {
            SOTemplate tmpl = t.template();
            assertEquals(SOTemplate.Style.OPTIONAL, tmpl.style(SField.LEDGER_INDEX));
            assertEquals(SOTemplate.Style.REQUIRED, tmpl.style(SField.LEDGER_ENTRY_TYPE));
            assertEquals(SOTemplate.Style.REQUIRED, tmpl.style(SField.FLAGS));
        }
        assertNull(LedgerEntryType.PAY_CHANNEL.template().style(SField.DESTINATION_NODE));
        assertNull(LedgerEntryType.SIGNER_LIST.template().style(SField.OWNER));
        assertEquals(SOTemplate.Style.REQUIRED, LedgerEntryType.SIGNER_LIST.template().style(SField.SIGNER_ENTRIES));
        assertEquals(SOTemplate.Style.OPTIONAL, LedgerEntryType.TICKET.template().style(SField.TARGET));
        assertEquals(SOTemplate.Style.REQUIRED, LedgerEntryType.CHECK.template().style(SField.DESTINATION_NODE));
        assertEquals(List.of(SField.ACCOUNT, SField.SIGNER_WEIGHT),
                InnerObjectFormats.SIGNER_ENTRY.elements().stream().map(SOTemplate.Element::field).toList());
        assertSame(InnerObjectFormats.SIGNER, InnerObjectFormats.forField(SField.SIGNER));
        assertNull(InnerObjectFormats.forField(SField.MEMO));
    }

    private static Map<String, JsonNode> fieldMap(JsonNode table) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode e : table.get("FIELDS")) {
            m.put(e.get(0).asText(), e.get(1));
        }
        return m;
    }

    private static List<String> names(JsonNode table) {
        return java.util.stream.StreamSupport.stream(table.get("FIELDS").spliterator(), false)
                .map(e -> e.get(0).asText()).toList();
    }
}
