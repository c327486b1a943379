package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** A benefit was used (核销). Published by benefit-service on {@code loyalty.benefits.v1}. */
public record BenefitRedeemed(
        MemberId memberId, String programId, String benefitId, String reference, Instant redeemedAt)
        implements IntegrationEvent {}
