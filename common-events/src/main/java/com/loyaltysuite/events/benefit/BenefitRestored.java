package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A redemption was reversed (the order was refunded) and the coupon can be used again until
 * {@code validUntil}. A coupon whose validity ended meanwhile is not restored, and this is not published.
 * Published by benefit-service on {@code loyalty.benefits.v1}.
 *
 * @param requestId the idempotency key of the redemption that was reversed
 */
public record BenefitRestored(
        MemberId memberId,
        String programId,
        String benefitId,
        String requestId,
        String reason,
        Instant restoredAt,
        Instant validUntil)
        implements IntegrationEvent {}
