package org.stoxum.engine.tx.paths;

import java.util.List;
import org.stoxum.codec.amount.IOUAmount;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.amount.XRPAmount;

/**
 * The arithmetic of one amount kind of the payment engine: {@link XRPAmount} or {@link IOUAmount}
 * (what rippled's Flow templates are instantiated with). Steps and offers are written once against this
 * interface and given the kinds they take in and give out.
 *
 * @param <T> XRPAmount or IOUAmount
 */
public interface AmountOps<T> {
    /** Native drops. */
    AmountOps<XRPAmount> XRP = new XrpOps();
    /** Issued values. */
    AmountOps<IOUAmount> IOU = new IouOps();

    boolean isNative();

    T zero();

    T add(T a, T b);

    T subtract(T a, T b);

    /** rippled's order: negative, zero or positive as {@code a} is below, equal to or above {@code b}. */
    int compare(T a, T b);

    int signum(T a);

    /** {@code a * num / den} rounded as rippled's {@code mulRatio}; num and den are unsigned 32-bit. */
    T mulRatio(T a, long num, long den, boolean roundUp);

    /** rippled's {@code toSTAmount(amount, issue)} (the issue is ignored for drops). */
    STAmount toSTAmount(T a, Issue issue);

    /** rippled's {@code toSTAmount(amount)}: drops, or an issued value of no issue. */
    STAmount toSTAmount(T a);

    /** rippled's {@code toAmount<T>}. */
    T fromSTAmount(STAmount a);

    EitherAmount wrap(T a);

    T unwrap(EitherAmount e);

    default boolean lessThan(T a, T b) {
        return compare(a, b) < 0;
    }

    /**
     * The sum of {@code amounts} added from the smallest to the largest (rippled sums a sorted multiset
     * this way for precision).
     */
    default T sum(List<T> amounts) {
        if (amounts.isEmpty()) {
            return zero();
        }
        List<T> sorted = amounts.stream().sorted(this::compare).toList();
        T total = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            total = add(total, sorted.get(i));
        }
        return total;
    }

    /** Drops. */
    final class XrpOps implements AmountOps<XRPAmount> {
        private XrpOps() {
        }

        @Override
        public boolean isNative() {
            return true;
        }

        @Override
        public XRPAmount zero() {
            return XRPAmount.ZERO;
        }

        @Override
        public XRPAmount add(XRPAmount a, XRPAmount b) {
            return a.add(b);
        }

        @Override
        public XRPAmount subtract(XRPAmount a, XRPAmount b) {
            return a.subtract(b);
        }

        @Override
        public int compare(XRPAmount a, XRPAmount b) {
            return a.compareTo(b);
        }

        @Override
        public int signum(XRPAmount a) {
            return a.signum();
        }

        @Override
        public XRPAmount mulRatio(XRPAmount a, long num, long den, boolean roundUp) {
            return XRPAmount.mulRatio(a, (int) num, (int) den, roundUp);
        }

        @Override
        public STAmount toSTAmount(XRPAmount a, Issue issue) {
            return a.toSTAmount();
        }

        @Override
        public STAmount toSTAmount(XRPAmount a) {
            return a.toSTAmount();
        }

        @Override
        public XRPAmount fromSTAmount(STAmount a) {
            return XRPAmount.of(a);
        }

        @Override
        public EitherAmount wrap(XRPAmount a) {
            return EitherAmount.of(a);
        }

        @Override
        public XRPAmount unwrap(EitherAmount e) {
            return e.xrp();
        }
    }

    /** Issued values. */
    final class IouOps implements AmountOps<IOUAmount> {
        private IouOps() {
        }

        @Override
        public boolean isNative() {
            return false;
        }

        @Override
        public IOUAmount zero() {
            return IOUAmount.ZERO;
        }

        @Override
        public IOUAmount add(IOUAmount a, IOUAmount b) {
            return a.add(b);
        }

        @Override
        public IOUAmount subtract(IOUAmount a, IOUAmount b) {
            return a.subtract(b);
        }

        @Override
        public int compare(IOUAmount a, IOUAmount b) {
            return a.compareTo(b);
        }

        @Override
        public int signum(IOUAmount a) {
            return a.signum();
        }

        @Override
        public IOUAmount mulRatio(IOUAmount a, long num, long den, boolean roundUp) {
            return IOUAmount.mulRatio(a, (int) num, (int) den, roundUp);
        }

        @Override
        public STAmount toSTAmount(IOUAmount a, Issue issue) {
            return a.toSTAmount(issue);
        }

        @Override
        public STAmount toSTAmount(IOUAmount a) {
            return a.toSTAmount(Issue.NO_ISSUE);
        }

        @Override
        public IOUAmount fromSTAmount(STAmount a) {
            return IOUAmount.of(a);
        }

        @Override
        public EitherAmount wrap(IOUAmount a) {
            return EitherAmount.of(a);
        }

        @Override
        public IOUAmount unwrap(EitherAmount e) {
            return e.iou();
        }
    }
}
