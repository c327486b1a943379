package com.loyaltysuite.points.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The refund reversal rule over random orders and random sequences of (partial) refunds. */
class RefundPolicyTest {

    /** An order's refunds applied in turn, as the account applies them. */
    record Tally(long earned, BigDecimal paid, BigDecimal refunded, long reversed) {

        static Tally of(long earned, BigDecimal paid) {
            return new Tally(earned, paid, BigDecimal.ZERO, 0);
        }

        Tally refund(BigDecimal amount) {
            long points = RefundPolicy.pointsToReverse(earned, paid, refunded, reversed, amount);
            assertThat(points).as("a refund never gives points").isNotNegative();
            return new Tally(earned, paid, RefundPolicy.refundedAfter(paid, refunded, amount), reversed + points);
        }

        Tally refundAll(List<BigDecimal> amounts) {
            Tally tally = this;
            for (BigDecimal amount : amounts) {
                tally = tally.refund(amount);
            }
            return tally;
        }
    }

    @Property
    void howeverTheRefundsAreSplitTheyTakeBackTheShareOfTheirTotalFloored(
            @ForAll @LongRange(max = 1_000_000) long earned,
            @ForAll("amounts") BigDecimal paid,
            @ForAll @Size(max = 12) List<@From("amounts") BigDecimal> refunds) {
        Tally tally = Tally.of(earned, paid).refundAll(refunds);

        BigDecimal refunded = refunds.stream().reduce(BigDecimal.ZERO, BigDecimal::add).min(paid);
        long share = BigDecimal.valueOf(earned)
                .multiply(refunded)
                .divide(paid, 0, RoundingMode.FLOOR)
                .longValueExact();
        assertThat(tally.reversed()).isEqualTo(share).isLessThanOrEqualTo(earned);
        assertThat(tally.refunded()).isEqualTo(refunded);
    }

    @Property
    void refundsOfTheWholeOrderTakeBackExactlyWhatItEarnedNeverMore(
            @ForAll @LongRange(max = 1_000_000) long earned,
            @ForAll("amounts") BigDecimal paid,
            @ForAll @Size(max = 8) List<@From("amounts") BigDecimal> parts,
            @ForAll("amounts") BigDecimal beyond) {
        BigDecimal rest = paid.subtract(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).max(BigDecimal.ZERO);

        Tally whole = Tally.of(earned, paid).refundAll(parts).refund(rest).refund(beyond);

        assertThat(whole.reversed()).isEqualTo(earned);
    }

    @Property
    void aNegativeRefundTakesNothingBack(
            @ForAll @LongRange(max = 1_000_000) long earned,
            @ForAll("amounts") BigDecimal paid,
            @ForAll("amounts") BigDecimal refund) {
        assertThat(RefundPolicy.pointsToReverse(earned, paid, BigDecimal.ZERO, 0, refund.negate())).isZero();
    }

    @Example
    void anOrderPaidNothingGivesAllItsPointsBackOnItsFirstRefund() {
        Tally tally = Tally.of(50, BigDecimal.ZERO).refund(new BigDecimal("10.00"));
        assertThat(tally.reversed()).isEqualTo(50);
        assertThat(tally.refund(new BigDecimal("10.00")).reversed()).isEqualTo(50);
    }

    @Example
    void aPartialRefundTakesBackItsShareFloored() {
        assertThat(Tally.of(100, new BigDecimal("300.00")).refund(new BigDecimal("100.50")).reversed())
                .isEqualTo(33); // floor(100 × 100.50 / 300) = floor(33.5)
    }

    /** Positive amounts to the cent, from a cent to 100,000.00. */
    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.longs().between(1, 10_000_000).map(cents -> BigDecimal.valueOf(cents, 2));
    }
}
