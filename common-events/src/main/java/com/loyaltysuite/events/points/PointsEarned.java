package com.loyaltysuite.events.points;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Points were earned for a paid order. Records what the decision was based on (base points,
 * multiplier, tier, rule version) so that replays never re-decide. The points are pending until
 * {@code availableAt}. Published by points-service on {@code loyalty.points.v1}; consumed by
 * notification-service and tier-service (when tiers are based on points).
 */
public record PointsEarned(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        long basePoints,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal multiplier,
        String tier,
        String ruleVersion,
        Money orderAmount,
        Instant earnedAt,
        Instant availableAt,
        String causationId)
        implements IntegrationEvent {}
