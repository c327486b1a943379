package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Available points were spent (积分兑换), e.g. at checkout. Published by points-service on
 * {@code loyalty.points.v1}; consumed by notification-service.
 */
public record PointsRedeemed(
        MemberId memberId, String programId, String redemptionId, String reference, long points, Instant redeemedAt)
        implements IntegrationEvent {}
