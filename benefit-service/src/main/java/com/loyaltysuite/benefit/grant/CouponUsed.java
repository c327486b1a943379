package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/**
 * Stored: a coupon was redeemed (核销) on the checkout's request {@code requestId}. Published as
 * {@code BenefitRedeemed}. {@code kind} is the coupon's, for the redemption meter; null in events
 * stored before it was added.
 */
public record CouponUsed(
        MemberId memberId,
        String programId,
        String couponId,
        String benefitCode,
        String requestId,
        String orderId,
        Money orderAmount,
        String channel,
        Instant usedAt,
        BenefitKind kind) {}
