package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import java.time.Instant;

/**
 * A coupon was used (核销) at checkout. Published by benefit-service on {@code loyalty.benefits.v1}.
 *
 * @param reference the order it was used on
 * @param requestId the checkout's idempotency key for the redemption
 */
public record BenefitRedeemed(
        MemberId memberId,
        String programId,
        String benefitId,
        String reference,
        Instant redeemedAt,
        String requestId,
        String benefitCode,
        Money orderAmount,
        String channel)
        implements IntegrationEvent {}
