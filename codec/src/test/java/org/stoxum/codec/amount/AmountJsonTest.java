package org.stoxum.codec.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;

/** The JSON shapes rippled's {@code amountFromJson} accepts and the ones it refuses. */
class AmountJsonTest {
    private static final NetworkProfile STM = NetworkProfile.STOXUM;
    private static final String ISSUER = Json.ISSUER.toAddress(STM);

    private static STAmount parse(String json) {
        return STAmount.fromJson(Json.parse(json.replace('\'', '"').replace('`', '"').replace("ISSUER", ISSUER)), STM);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "`1000`                  | 1000",
        "`-7`                    | -7",
        "`1e3`                   | 1000",
        "`1000 STM`              | 1000",
        "`1000/STM`              | 1000",
        "`1000,,ignored`         | 1000",
        "`1 `                    | 1",
        "5                       | 5",
        "-5                      | -5",
        "0                       | 0",
        "2147483647              | 2147483647",
        "2147483648              | 2147483648",
        "4294967295              | 4294967295",
        "[`25`]                  | 25",
        "[25, `STM`]             | 25",
        "[]                      | 0",
        "[`25`, ``, `x`]         | 25",
        "[`1`, 7]                | 1",
    })
    void nativeForms(String json, long drops) {
        STAmount a = parse(json);
        assertTrue(a.isNative());
        assertEquals(drops, a.drops());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'1.5'", "' 1'", "''", "'1/STM/x/y'", "1.5", "1e3", "true", "null", "{}",
        "4294967296", "-2147483649", "-2147483648", "'100000000000000001'",
        "{'currency':'STM','value':'1'}", "{'value':'1'}", "{'currency':'','value':'1','issuer':'ISSUER'}",
        "[3000000000]", "[1.5]", "[null]",
    })
    void nativeRejects(String json) {
        assertThrows(CodecException.class, () -> parse(json), json);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{`currency`:`USD`,`issuer`:`ISSUER`,`value`:`1.5`}             | 1.5",
        "{`currency`:`usd`,`issuer`:`ISSUER`,`value`:`-2`}              | -2",
        "{`currency`:`USD`,`issuer`:`ISSUER`,`value`:5}                 | 5",
        "{`currency`:`USD`,`issuer`:`ISSUER`,`value`:-2147483647}       | -2147483647",
        "[`3`, `USD`, `ISSUER`]                                         | 3",
        "`3/USD/ISSUER`                                                 | 3",
        "`3 USD ISSUER`                                                 | 3",
        // rippled negates INT_MIN in 32 bits and widens the result, giving 2^64 - 2^31
        "{`currency`:`USD`,`issuer`:`ISSUER`,`value`:-2147483648}       | -1844674407156206e4",
    })
    void issuedForms(String json, String value) {
        STAmount a = parse(json);
        assertFalse(a.isNative());
        assertEquals(Currency.fromJson("USD", STM), a.currency());
        assertEquals(Json.ISSUER, a.issuer());
        assertEquals(value, a.valueText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'currency':'USD','issuer':'ISSUER','value':3000000000}",
        "{'currency':'USD','issuer':'ISSUER','value':1.5}",
        "{'currency':'USD','issuer':'ISSUER'}",
        "{'currency':'USD','value':'1'}",
        "{'currency':'USD','issuer':5,'value':'1'}",
        "{'currency':'USD','issuer':'xNotAnAddress','value':'1'}",
        "{'currency':'US','issuer':'ISSUER','value':'1'}",
        "{'currency':'0000000000000000000000000000000000000000','issuer':'ISSUER','value':'1'}",
        "{'currency':'000000000000000000000000000000000000000G','issuer':'ISSUER','value':'1'}",
        "{'currency':'USD','issuer':'ISSUER','value':'1e96'}",
        "{'currency':'USD','issuer':'ISSUER','value':'0.000000000000000000000000000000001'}",
        "'1/USD'",
    })
    void issuedRejects(String json) {
        assertThrows(CodecException.class, () -> parse(json), json);
    }

    @Test
    void nativeCodeDependsOnTheProfile() {
        JsonNode stm = Json.iou("1", "STM", Json.ISSUER.toAddress(NetworkProfile.RIPPLE));
        JsonNode xrp = Json.iou("1", "XRP", Json.ISSUER.toAddress(NetworkProfile.RIPPLE));
        assertEquals("00000000000000000000000053544D0000000000",
                STAmount.fromJson(stm, NetworkProfile.RIPPLE).currency().toString());
        assertThrows(CodecException.class, () -> STAmount.fromJson(xrp, NetworkProfile.RIPPLE));
        JsonNode stoxumXrp = Json.iou("1", "XRP", ISSUER);
        assertEquals(Currency.BAD, STAmount.fromJson(stoxumXrp, STM).currency());
        assertTrue(STAmount.fromJson(Json.text("1/XRP"), NetworkProfile.RIPPLE).isNative());
    }

    @Test
    void fortyCharacterIssuersAreReadAsHexWithoutComplaint() {
        String hex = Hex.encode(Json.ISSUER.toBytes());
        assertEquals(Json.ISSUER, parse("{'currency':'USD','issuer':'" + hex.toLowerCase() + "','value':'1'}").issuer());
        // rippled ignores the failure of its lenient hex reader here: the digits before the junk count
        STAmount junk = parse("{'currency':'USD','issuer':'12zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz','value':'1'}");
        assertEquals("0000000000000000000000000000000000000012", junk.issuer().toString());
        STAmount zero = parse("{'currency':'USD','issuer':'" + "z".repeat(40) + "','value':'1'}");
        assertEquals(AccountId.ZERO, zero.issuer());
        // ... which the binary reader then refuses
        byte[] bytes = zero.toBytes();
        assertThrows(CodecException.class, () -> STAmount.fromBytes(bytes, 0));
    }

    @Test
    void toJsonShapes() {
        assertEquals("\"-42\"", STAmount.ofDrops(-42).toJson(STM).toString());
        STAmount a = parse("{'value':'-1.25','issuer':'ISSUER','currency':'USD'}");
        assertEquals("{\"currency\":\"USD\",\"issuer\":\"" + ISSUER + "\",\"value\":\"-1.25\"}",
                a.toJson(STM).toString());
        STAmount stmIso = parse("{'value':'1','issuer':'ISSUER','currency':'stm'}");
        assertEquals("00000000000000000000000053544D0000000000", stmIso.toJson(STM).get("currency").textValue());
        assertEquals("STM", stmIso.toJson(NetworkProfile.RIPPLE).get("currency").textValue());
    }
}
