package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** A benefit was withdrawn before use. Published by benefit-service on {@code loyalty.benefits.v1}. */
public record BenefitRevoked(
        MemberId memberId, String programId, String benefitId, String reason, Instant revokedAt, String causationId)
        implements IntegrationEvent {}
