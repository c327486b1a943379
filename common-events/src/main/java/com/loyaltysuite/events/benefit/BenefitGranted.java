package com.loyaltysuite.events.benefit;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member received a benefit (e.g. the upgrade gift pack of a newly reached tier). Published by
 * benefit-service on {@code loyalty.benefits.v1}; consumed by notification-service.
 */
public record BenefitGranted(
        MemberId memberId,
        String programId,
        String benefitId,
        String benefitCode,
        BenefitKind kind,
        String tier,
        String description,
        Instant grantedAt,
        Instant validUntil,
        String causationId)
        implements IntegrationEvent {}
