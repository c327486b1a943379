package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.Programs;
import com.loyaltysuite.points.account.PointsTotals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Internal: points were earned for an order, with everything the decision was based on, the lot's
 * expiry, and the part that repaid a debt.
 */
public record EarningRecorded(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        long basePoints,
        BigDecimal multiplier,
        String tier,
        String ruleVersion,
        String promotionId,
        Money orderAmount,
        Instant earnedAt,
        Instant availableAt,
        Instant expiresAt,
        long debtRepaid,
        String causationId,
        PointsTotals totals) {

    /** The points {@code command}'s order earned as {@code decision} decided, and when they are due. */
    public static EarningRecorded of(
            RecordEarning command,
            EarningDecision decision,
            Instant availableAt,
            Instant expiresAt,
            long debtRepaid,
            PointsTotals totals) {
        return new EarningRecorded(
                command.memberId(),
                Programs.orDefault(command.programId()),
                command.orderId(),
                decision.points(),
                decision.basePoints(),
                decision.multiplier(),
                decision.tier(),
                decision.ruleVersion(),
                decision.promotionId(),
                command.amount(),
                command.paidAt(),
                availableAt,
                expiresAt,
                debtRepaid,
                command.causationId(),
                totals);
    }
}
