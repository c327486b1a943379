package com.loyaltysuite.points.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a refund takes back of the points its order earned: floor(earned × refunded so far ÷ paid),
 * less what earlier refunds of the order took back. Working on the running total means that several
 * partial refunds of the whole order take back exactly what it earned, never more, however the
 * refunds are split. Refunds beyond the amount paid count as the whole order; an order paid nothing
 * (yet earning points, e.g. by a promotion) gives all of them back on its first refund. Plain Java,
 * no I/O, no configuration.
 */
public final class RefundPolicy {

    private RefundPolicy() {}

    /** The points {@code refund} takes back of an order that earned {@code earned} for {@code paid}. */
    public static long pointsToReverse(
            long earned, BigDecimal paid, BigDecimal refundedBefore, long reversedBefore, BigDecimal refund) {
        BigDecimal refundedSoFar = refundedAfter(paid, refundedBefore, refund);
        long target = paid.signum() <= 0
                ? earned
                : Math.min(
                        earned,
                        BigDecimal.valueOf(earned)
                                .multiply(refundedSoFar)
                                .divide(paid, 0, RoundingMode.FLOOR)
                                .longValueExact());
        return Math.max(0, target - reversedBefore);
    }

    /** The order's refunded total after {@code refund}, capped at the amount paid. */
    public static BigDecimal refundedAfter(BigDecimal paid, BigDecimal refundedBefore, BigDecimal refund) {
        BigDecimal total = refundedBefore.add(refund.max(BigDecimal.ZERO));
        return total.min(paid.max(BigDecimal.ZERO));
    }
}
