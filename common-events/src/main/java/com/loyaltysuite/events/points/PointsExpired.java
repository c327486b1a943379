package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Unspent points of earlier lots reached their expiry date (积分过期). Published by points-service
 * on {@code loyalty.points.v1}; consumed by notification-service.
 */
public record PointsExpired(MemberId memberId, String programId, long points, Instant expiredAt)
        implements IntegrationEvent {}
