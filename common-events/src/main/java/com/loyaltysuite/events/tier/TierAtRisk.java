package com.loyaltysuite.events.tier;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member's tier validity ends soon and their qualifying value is short of the tier's retention
 * threshold (保级提醒): {@code gap} more would keep it. Published by tier-service on
 * {@code loyalty.tiers.v1} a configurable time before {@code validUntil}; consumed by
 * notification-service to warn the member.
 */
public record TierAtRisk(
        MemberId memberId,
        String programId,
        String tier,
        Instant validUntil,
        QualifyingValue qualifyingValue,
        QualifyingValue retentionThreshold,
        QualifyingValue gap,
        String policyVersion,
        Instant assessedAt)
        implements IntegrationEvent {}
