package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Some of a member's available points expire soon (积分即将过期): {@code points} will expire at
 * {@code expiresAt} unless spent. Published by points-service on {@code loyalty.points.v1} a
 * configurable time before; consumed by notification-service to warn the member.
 */
public record PointsExpiring(MemberId memberId, String programId, long points, Instant expiresAt, Instant warnedAt)
        implements IntegrationEvent {}
