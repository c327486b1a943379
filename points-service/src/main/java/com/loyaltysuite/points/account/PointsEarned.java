package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.math.BigDecimal;
import java.time.Instant;

/** Internal: points were earned for an order, with everything the decision was based on. */
public record PointsEarned(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        long basePoints,
        BigDecimal multiplier,
        String tier,
        String ruleVersion,
        Money orderAmount,
        Instant earnedAt,
        Instant availableAt,
        String causationId) {}
