package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/**
 * Stored: a standing benefit ended, {@code reason} {@code TIER_LEFT}, {@code SUPERSEDED} (by the same
 * type of the new tier) or {@code MEMBER_CLOSED}. Published as {@code BenefitRevoked}.
 */
public record StandingBenefitWithdrawn(
        MemberId memberId,
        String programId,
        String benefitId,
        String benefitCode,
        BenefitKind kind,
        String reason,
        Instant withdrawnAt,
        String causationId) {}
