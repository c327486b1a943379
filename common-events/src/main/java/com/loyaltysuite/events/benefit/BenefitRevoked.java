package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A benefit was withdrawn before use: a standing benefit of a tier the member left ({@code reason}
 * {@code TIER_LEFT}), one replaced by the same benefit of the new tier ({@code SUPERSEDED}), or the
 * member's benefits when their membership closed ({@code MEMBER_CLOSED}). Published by benefit-service
 * on {@code loyalty.benefits.v1}.
 */
public record BenefitRevoked(
        MemberId memberId,
        String programId,
        String benefitId,
        String reason,
        Instant revokedAt,
        String causationId,
        String benefitCode,
        BenefitKind kind)
        implements IntegrationEvent {}
