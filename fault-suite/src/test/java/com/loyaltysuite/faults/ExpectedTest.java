package com.loyaltysuite.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void pointsAreWholeYuanLessWhatRefundsTakeBackAndTiersFollowTheSpendLadder() {
        List<Load.Order> orders = List.of(
                order(0, "A", "300.99", null),
                order(1, "A", "300.00", "150.00"),
                order(2, "B", "2500.00", null),
                order(3, "A", "0.50", "0.50"));

        Expected expected = Expected.of(orders);

        assertThat(expected.pointsByOrder).containsEntry("O-0", 300L).containsEntry("O-1", 300L).containsEntry("O-3", 0L);
        // 150 of 300 refunded: half the order's points back; a refund of an order that earned nothing takes nothing
        assertThat(expected.reversals).containsOnlyKeys("R-1").containsEntry("R-1", 150L);
        assertThat(expected.balance).containsEntry("A", 450L).containsEntry("B", 2500L);
        assertThat(expected.earnings).containsEntry("A", 3).containsEntry("B", 1);
        // A passes 500 on its second order; B jumps straight to GOLD in one decision; refunds never demote
        assertThat(expected.tierSteps).containsExactly(
                new Expected.TierStep("A", "MEMBER", "SILVER"), new Expected.TierStep("B", "MEMBER", "GOLD"));
        assertThat(expected.tier).containsEntry("A", "SILVER").containsEntry("B", "GOLD");
    }

    private static Load.Order order(int index, String member, String amount, String refund) {
        return new Load.Order(index, "e-" + index, "O-" + index, member, new BigDecimal(amount), T.plusSeconds(index),
                "APP", "apparel", refund == null ? null : new BigDecimal(refund), refund == null ? null : "R-" + index);
    }
}
