package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/**
 * Points earned for an order left their pending period (the return window) and can now be spent.
 * Published by points-service on {@code loyalty.points.v1}.
 */
public record PointsAvailable(
        MemberId memberId, String programId, OrderId orderId, long points, Instant availableAt, String causationId)
        implements IntegrationEvent {}
