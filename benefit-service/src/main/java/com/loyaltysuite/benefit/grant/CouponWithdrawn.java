package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/** Stored: an unused coupon was withdrawn ({@code MEMBER_CLOSED}). Published as {@code BenefitRevoked}. */
public record CouponWithdrawn(
        MemberId memberId,
        String programId,
        String couponId,
        String benefitCode,
        BenefitKind kind,
        String reason,
        Instant withdrawnAt,
        String causationId) {}
