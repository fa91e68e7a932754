package org.stoxum.engine.tx.jtx;

import java.math.BigDecimal;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;

/** An issued currency of a test account (rippled jtx's {@code IOU}, written {@code gw["USD"]} there). */
public record IOU(Account issuer, Currency currency) {
    public static IOU of(Account issuer, String code) {
        return new IOU(issuer, Currency.fromJson(code, NetworkProfile.STOXUM));
    }

    public Issue issue() {
        return new Issue(currency, issuer.id());
    }

    /** {@code value} (a decimal) of this currency. */
    public STAmount of(String value) {
        BigDecimal d = new BigDecimal(value);
        BigDecimal abs = d.abs().stripTrailingZeros();
        if (abs.signum() == 0) {
            return STAmount.zero(issue());
        }
        return STAmount.of(issue(), abs.unscaledValue().longValueExact(), -abs.scale(), d.signum() < 0);
    }

    public STAmount of(long value) {
        return of(Long.toString(value));
    }
}
