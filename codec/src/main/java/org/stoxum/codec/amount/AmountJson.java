package org.stoxum.codec.amount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.Base58;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.types.AccountId;

/**
 * rippled's {@code amountFromJson} and {@code STAmount::getJson}.
 *
 * <p>rippled reads JSON numbers into 32-bit integers: {@code [-2^31, 2^31)} become "int", {@code [2^31,
 * 2^32)} "uint", and anything larger (or with a fraction or exponent) is not an integer at all. The
 * amount parser treats the two integer kinds differently (a "uint" value is only accepted when it is the
 * whole amount), so Jackson numbers are sorted into the same kinds here.
 */
final class AmountJson {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    /** Separators of the legacy "value/currency/issuer" string form. */
    private static final String SEPARATORS = "\t\n\r ,/";

    private AmountJson() {
    }

    static STAmount parse(JsonNode json, NetworkProfile p) {
        JsonNode v = json == null ? MissingNode.getInstance() : json;
        JsonNode value;
        JsonNode currency;
        JsonNode issuer;
        if (v.isObject()) {
            value = v.get("value");
            currency = v.get("currency");
            issuer = v.get("issuer");
        } else if (v.isArray()) {
            value = v.size() > 0 ? v.get(0) : JsonNodeFactory.instance.numberNode(0);
            currency = v.get(1);
            issuer = v.get(2);
        } else if (v.isTextual()) {
            List<String> parts = split(v.textValue());
            if (parts.size() > 3) {
                throw CodecException.invalid("invalid amount string");
            }
            value = JsonNodeFactory.instance.textNode(parts.get(0));
            currency = parts.size() > 1 ? JsonNodeFactory.instance.textNode(parts.get(1)) : null;
            issuer = parts.size() > 2 ? JsonNodeFactory.instance.textNode(parts.get(2)) : null;
        } else {
            value = v;
            currency = null;
            issuer = null;
        }

        boolean nativeAmount = currency == null || !currency.isTextual() || currency.textValue().isEmpty()
                || currency.textValue().equals(p.nativeCurrency());
        Issue issue;
        if (nativeAmount) {
            if (v.isObject()) {
                throw CodecException.invalid(p.nativeCurrency() + " may not be specified as an object");
            }
            issue = Issue.NATIVE;
        } else {
            Currency c;
            try {
                c = Currency.fromJson(currency.textValue(), p);
            } catch (CodecException e) {
                throw CodecException.invalid("invalid currency");
            }
            if (issuer == null || !issuer.isTextual()) {
                throw CodecException.invalid("invalid issuer");
            }
            AccountId account = issuerFromText(issuer.textValue(), p);
            if (c.isNative()) {
                throw CodecException.invalid("invalid issuer");
            }
            issue = new Issue(c, account);
        }

        STAmount parsed;
        if (value != null && value.isTextual()) {
            parsed = AmountText.parse(issue, value.textValue());
        } else if (value != null && value.isIntegralNumber()) {
            BigInteger n = value.bigIntegerValue();
            if (n.compareTo(INT_MIN) >= 0 && n.compareTo(INT_MAX) <= 0) {
                int i = n.intValue();
                // -Integer.MIN_VALUE stays negative and widens to 2^64 - 2^31, as in the C++.
                long mantissa = i >= 0 ? i : (long) -i;
                parsed = STAmount.of(issue, mantissa, 0, i < 0);
            } else if (n.signum() > 0 && n.compareTo(UINT_MAX) <= 0) {
                if (v != value) {
                    // rippled reads this kind from the enclosing object or array, which fails
                    throw CodecException.invalid("Type is not convertible to uint");
                }
                parsed = STAmount.of(issue, n.longValue(), 0, false);
            } else {
                throw CodecException.invalid("integer amount exceeds the allowable range");
            }
        } else {
            throw CodecException.invalid("invalid amount type");
        }
        // rippled builds the result once more from the parts, which turns a native "negative zero" positive.
        return STAmount.of(issue, parsed.mantissa(), parsed.exponent(), parsed.isNegative());
    }

    /** rippled {@code to_issuer}: forty characters are hex (read leniently, never failing), else an address. */
    private static AccountId issuerFromText(String text, NetworkProfile p) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 2 * AccountId.LENGTH) {
            return AccountId.of(LenientHex.read160(utf8).value());
        }
        try {
            return AccountId.of(Base58.of(p).decodeToken(TokenType.ACCOUNT_ID, text));
        } catch (CodecException e) {
            throw CodecException.invalid("invalid issuer");
        }
    }

    /** {@code boost::split} with {@link #SEPARATORS}: every separator splits, so empty parts are kept. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (SEPARATORS.indexOf(s.charAt(i)) >= 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    static JsonNode write(STAmount a, NetworkProfile p) {
        if (a.isNative()) {
            return JsonNodeFactory.instance.textNode(a.valueText());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("currency", a.currency().toJson(p));
        o.put("issuer", a.issuer().toAddress(p));
        o.put("value", a.valueText());
        return o;
    }
}
