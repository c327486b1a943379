package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: the redemption {@code requestId} was reversed (a refund) and the coupon, still valid, can be used
 * again until {@code validUntil}. Published as {@code BenefitRestored}.
 */
public record CouponReinstated(
        MemberId memberId,
        String programId,
        String couponId,
        String requestId,
        String reason,
        Instant reinstatedAt,
        Instant validUntil) {}
