package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/**
 * Points earned for an order were taken back because (part of) the order was refunded. Published by
 * points-service on {@code loyalty.points.v1}.
 */
public record PointsReversed(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        long points,
        Instant reversedAt,
        String causationId)
        implements IntegrationEvent {}
