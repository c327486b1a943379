package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Use the coupon on an order (核销); {@code requestId} is the checkout's idempotency key. Answered with a {@link Redemption}. */
public record RedeemCoupon(
        @TargetAggregateIdentifier MemberId memberId,
        String couponId,
        String requestId,
        String orderId,
        Money orderAmount,
        String channel,
        Instant at) {}
