package org.stoxum.engine.tx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.Amounts;
import org.stoxum.codec.amount.CalcSwitchover;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.amount.Rate;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.tx.offers.BasicTaker;
import org.stoxum.engine.tx.offers.CrossType;

/**
 * rippled's {@code Taker_test}: the flow {@link BasicTaker} computes through one offer, for every order in
 * which the taker's offer (T), the taker's balance (A) and the owner's balance (B) limit it, buying and
 * selling, native on either side, and two issued currencies with a 50% transfer fee on both. The tables are
 * rippled's, row for row.
 */
class TakerTest {
    private static final boolean BUY = false;
    private static final boolean SELL = true;
    private static final AccountId TAKER = account(0x4701);
    private static final AccountId OWNER = account(0x4702);
    private static final Issue USD = new Issue(Currency.fromJson("USD", NetworkProfile.RIPPLE), account(0x4985601));
    private static final Issue EUR = new Issue(Currency.fromJson("EUR", NetworkProfile.RIPPLE), account(0x4985602));
    private static final Issue STM = Issue.NATIVE;
    private static final Quality Q1 = Quality.of(new Amounts(STAmount.ofDrops(1), STAmount.ofDrops(1)));
    /** A highly exaggerated 50% transfer fee. */
    private static final Rate RATE_150 = new Rate(Rate.QUALITY_ONE + Rate.QUALITY_ONE / 2);

    private static AccountId account(long n) {
        byte[] b = new byte[AccountId.LENGTH];
        for (int i = 0; i < 8; i++) {
            b[AccountId.LENGTH - 1 - i] = (byte) (n >>> (8 * i));
        }
        return AccountId.of(b);
    }

    /** rippled's {@code amountFromString} for the plain decimals of the tables. */
    private static STAmount amount(String text, Issue issue) {
        if (issue.isNative()) {
            return STAmount.ofDrops(Long.parseLong(text));
        }
        BigDecimal d = new BigDecimal(text);
        return STAmount.of(issue, d.unscaledValue().longValueExact(), -d.scale(), false);
    }

    /**
     * rippled's {@code TestTaker}: the taker's funds are a fixed amount, spent as it crosses; the owner of
     * the crossed offer has {@code crossFunds}.
     */
    private static final class TestTaker extends BasicTaker {
        private STAmount funds;
        private final STAmount crossFunds;

        TestTaker(CrossType type, Amounts amount, Quality quality, STAmount funds, long flags, Rate rateIn,
                  Rate rateOut, STAmount crossFunds) {
            super(type, TAKER, amount, quality, flags, rateIn, rateOut, CalcSwitchover.BOTH);
            this.funds = funds;
            this.crossFunds = crossFunds;
        }

        @Override
        public STAmount funds(AccountId owner, STAmount amount) {
            return owner.equals(account()) ? funds : crossFunds;
        }

        Amounts cross(Amounts offer, Quality quality) {
            Amounts nothing = new Amounts(offer.in().zeroed(), offer.out().zeroed());
            if (reject(quality) || funds(OWNER, offer.out()).isZero() || done()) {
                return nothing;
            }
            Amounts order = doCross(offer, quality, OWNER).order();
            funds = funds.subtract(order.in());
            return order;
        }
    }

    private record Pair(String in, String out) {
    }

    private static Pair p(String in, String out) {
        return new Pair(in, out);
    }

    private static void attempt(boolean sell, String name, Quality takerQuality, Pair offer, String funds,
                                Quality crossQuality, Pair cross, String crossFunds, Pair flow, Issue in, Issue out) {
        attempt(sell, name, takerQuality, offer, funds, crossQuality, cross, crossFunds, flow, in, out, Rate.PARITY,
                Rate.PARITY);
    }

    private static void attempt(boolean sell, String name, Quality takerQuality, Pair offer, String funds,
                                Quality crossQuality, Pair cross, String crossFunds, Pair flow, Issue in, Issue out,
                                Rate rateIn, Rate rateOut) {
        Amounts takerOffer = new Amounts(amount(offer.in(), in), amount(offer.out(), out));
        Amounts crossOffer = new Amounts(amount(cross.in(), in), amount(cross.out(), out));
        TestTaker taker = new TestTaker(CrossType.of(in, out), takerOffer, takerQuality, amount(funds, in),
                sell ? TxFlags.SELL : 0, rateIn, rateOut, amount(crossFunds, out));
        Amounts result = taker.cross(crossOffer, crossQuality);
        Amounts expected = new Amounts(amount(flow.in(), in), amount(flow.out(), out));
        assertTrue(expected.in().valueEquals(result.in()) && expected.out().valueEquals(result.out()),
                () -> (sell ? "sell " : "buy ") + name + ": expected " + expected.in().valueText() + " : "
                        + expected.out().valueText() + ", got " + result.in().valueText() + " : "
                        + result.out().valueText());
    }

    @Test
    void nativeInput() {
        //                         TAKER                   OWNER
        //                    QUAL OFFER          FUNDS QUAL OFFER          FUNDS  EXPECTED
        attempt(SELL, "N:N",   Q1, p("2", "2"), "2", Q1, p("2", "2"), "2",   p("2", "2"),   STM, USD);
        attempt(SELL, "N:B",   Q1, p("2", "2"), "2", Q1, p("2", "2"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "N:T",   Q1, p("1", "1"), "2", Q1, p("2", "2"), "2",   p("1", "1"),   STM, USD);
        attempt(BUY,  "N:BT",  Q1, p("1", "1"), "2", Q1, p("2", "2"), "1.8", p("1", "1"),   STM, USD);
        attempt(BUY,  "N:TB",  Q1, p("1", "1"), "2", Q1, p("2", "2"), "0.8", p("0", "0.8"), STM, USD);

        attempt(SELL, "T:N",   Q1, p("1", "1"), "2", Q1, p("2", "2"), "2",   p("1", "1"),   STM, USD);
        attempt(SELL, "T:B",   Q1, p("1", "1"), "2", Q1, p("2", "2"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "T:T",   Q1, p("1", "1"), "2", Q1, p("2", "2"), "2",   p("1", "1"),   STM, USD);
        attempt(BUY,  "T:BT",  Q1, p("1", "1"), "2", Q1, p("2", "2"), "1.8", p("1", "1"),   STM, USD);
        attempt(BUY,  "T:TB",  Q1, p("1", "1"), "2", Q1, p("2", "2"), "0.8", p("0", "0.8"), STM, USD);

        attempt(SELL, "A:N",   Q1, p("2", "2"), "1", Q1, p("2", "2"), "2",   p("1", "1"),   STM, USD);
        attempt(SELL, "A:B",   Q1, p("2", "2"), "1", Q1, p("2", "2"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "A:T",   Q1, p("2", "2"), "1", Q1, p("3", "3"), "3",   p("1", "1"),   STM, USD);
        attempt(BUY,  "A:BT",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "2.4", p("1", "1"),   STM, USD);
        attempt(BUY,  "A:TB",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "0.8", p("0", "0.8"), STM, USD);

        attempt(SELL, "TA:N",  Q1, p("2", "2"), "1", Q1, p("2", "2"), "2",   p("1", "1"),   STM, USD);
        attempt(SELL, "TA:B",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "TA:T",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "3",   p("1", "1"),   STM, USD);
        attempt(BUY,  "TA:BT", Q1, p("2", "2"), "1", Q1, p("3", "3"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "TA:TB", Q1, p("2", "2"), "1", Q1, p("3", "3"), "1.8", p("1", "1.8"), STM, USD);

        attempt(SELL, "AT:N",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "3",   p("1", "1"),   STM, USD);
        attempt(SELL, "AT:B",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "AT:T",  Q1, p("2", "2"), "1", Q1, p("3", "3"), "3",   p("1", "1"),   STM, USD);
        attempt(BUY,  "AT:BT", Q1, p("2", "2"), "1", Q1, p("3", "3"), "1.8", p("1", "1.8"), STM, USD);
        attempt(BUY,  "AT:TB", Q1, p("2", "2"), "1", Q1, p("3", "3"), "0.8", p("0", "0.8"), STM, USD);
    }

    @Test
    void nativeOutput() {
        //                         TAKER                     OWNER
        //                    QUAL OFFER          FUNDS   QUAL OFFER          FUNDS EXPECTED
        attempt(SELL, "N:N",   Q1, p("3", "3"), "3",   Q1, p("3", "3"), "3", p("3", "3"),   USD, STM);
        attempt(SELL, "N:B",   Q1, p("3", "3"), "3",   Q1, p("3", "3"), "2", p("2", "2"),   USD, STM);
        attempt(BUY,  "N:T",   Q1, p("3", "3"), "2.5", Q1, p("5", "5"), "5", p("2.5", "2"), USD, STM);
        attempt(BUY,  "N:BT",  Q1, p("3", "3"), "1.5", Q1, p("5", "5"), "4", p("1.5", "1"), USD, STM);
        attempt(BUY,  "N:TB",  Q1, p("3", "3"), "2.2", Q1, p("5", "5"), "1", p("1", "1"),   USD, STM);

        attempt(SELL, "T:N",   Q1, p("1", "1"), "2",   Q1, p("2", "2"), "2", p("1", "1"),   USD, STM);
        attempt(SELL, "T:B",   Q1, p("2", "2"), "2",   Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);
        attempt(BUY,  "T:T",   Q1, p("1", "1"), "2",   Q1, p("2", "2"), "2", p("1", "1"),   USD, STM);
        attempt(BUY,  "T:BT",  Q1, p("1", "1"), "2",   Q1, p("3", "3"), "2", p("1", "1"),   USD, STM);
        attempt(BUY,  "T:TB",  Q1, p("2", "2"), "2",   Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);

        attempt(SELL, "A:N",   Q1, p("2", "2"), "1.5", Q1, p("2", "2"), "2", p("1.5", "1"), USD, STM);
        attempt(SELL, "A:B",   Q1, p("2", "2"), "1.8", Q1, p("3", "3"), "2", p("1.8", "1"), USD, STM);
        attempt(BUY,  "A:T",   Q1, p("2", "2"), "1.2", Q1, p("3", "3"), "3", p("1.2", "1"), USD, STM);
        attempt(BUY,  "A:BT",  Q1, p("2", "2"), "1.5", Q1, p("4", "4"), "3", p("1.5", "1"), USD, STM);
        attempt(BUY,  "A:TB",  Q1, p("2", "2"), "1.5", Q1, p("4", "4"), "1", p("1", "1"),   USD, STM);

        attempt(SELL, "TA:N",  Q1, p("2", "2"), "1.5", Q1, p("2", "2"), "2", p("1.5", "1"), USD, STM);
        attempt(SELL, "TA:B",  Q1, p("2", "2"), "1.5", Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);
        attempt(BUY,  "TA:T",  Q1, p("2", "2"), "1.5", Q1, p("3", "3"), "3", p("1.5", "1"), USD, STM);
        attempt(BUY,  "TA:BT", Q1, p("2", "2"), "1.8", Q1, p("4", "4"), "3", p("1.8", "1"), USD, STM);
        attempt(BUY,  "TA:TB", Q1, p("2", "2"), "1.2", Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);

        attempt(SELL, "AT:N",  Q1, p("2", "2"), "2.5", Q1, p("4", "4"), "4", p("2", "2"),   USD, STM);
        attempt(SELL, "AT:B",  Q1, p("2", "2"), "2.5", Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);
        attempt(BUY,  "AT:T",  Q1, p("2", "2"), "2.5", Q1, p("3", "3"), "3", p("2", "2"),   USD, STM);
        attempt(BUY,  "AT:BT", Q1, p("2", "2"), "2.5", Q1, p("4", "4"), "3", p("2", "2"),   USD, STM);
        attempt(BUY,  "AT:TB", Q1, p("2", "2"), "2.5", Q1, p("3", "3"), "1", p("1", "1"),   USD, STM);
    }

    @Test
    void issuedToIssuedWithTransferFees() {
        //                         TAKER                    OWNER
        //                    QUAL OFFER          FUNDS  QUAL OFFER          FUNDS EXPECTED
        attempt(SELL, "N:N",  Q1, p("2", "2"), "10",  Q1, p("2", "2"), "10", p("2", "2"),
                EUR, USD, RATE_150, RATE_150);
        attempt(SELL, "N:B",  Q1, p("4", "4"), "10",  Q1, p("4", "4"), "4",
                p("2.666666666666666", "2.666666666666666"), EUR, USD, RATE_150, RATE_150);
        attempt(BUY,  "N:T",  Q1, p("1", "1"), "10",  Q1, p("2", "2"), "10", p("1", "1"),
                EUR, USD, RATE_150, RATE_150);
        attempt(BUY,  "N:BT", Q1, p("2", "2"), "10",  Q1, p("6", "6"), "5",  p("2", "2"),
                EUR, USD, RATE_150, RATE_150);
        attempt(BUY,  "N:TB", Q1, p("2", "2"), "2",   Q1, p("6", "6"), "1",
                p("0.6666666666666667", "0.6666666666666667"), EUR, USD, RATE_150, RATE_150);
        attempt(SELL, "A:N",  Q1, p("2", "2"), "2.5", Q1, p("2", "2"), "10",
                p("1.666666666666666", "1.666666666666666"), EUR, USD, RATE_150, RATE_150);
    }
}
