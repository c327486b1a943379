package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Internal: points were earned for an order, with everything the decision was based on, the lot's
 * expiry, and the part that repaid a debt.
 */
public record PointsEarned(
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
        PointsTotals totals) {}
