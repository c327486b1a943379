package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;

/** Stored: a coupon was redeemed (核销) on the checkout's request {@code requestId}. Published as {@code BenefitRedeemed}. */
public record CouponUsed(
        MemberId memberId,
        String programId,
        String couponId,
        String benefitCode,
        String requestId,
        String orderId,
        Money orderAmount,
        String channel,
        Instant usedAt) {}
