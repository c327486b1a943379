package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored, internal: the redemption {@code requestId} was reversed (a refund) after the coupon had expired,
 * so it is not restored. One still valid is {@link CouponReinstated}.
 */
public record CouponUseReversed(
        MemberId memberId, String programId, String couponId, String requestId, String reason, Instant reversedAt) {}
