package com.loyaltysuite.events.points;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Support staff added (positive) or removed (negative) points, with a reason and their operator id.
 * Published by points-service on {@code loyalty.points.v1}.
 */
public record PointsAdjusted(
        MemberId memberId, String programId, long points, String reason, String operatorId, Instant adjustedAt)
        implements IntegrationEvent {}
