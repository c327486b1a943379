package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/**
 * One benefit a member holds. {@code status} is {@code ACTIVE} until redemption and revocation
 * exist; {@code tier} is the tier whose upgrade gift it is.
 */
public record BenefitView(
        String benefitId,
        String code,
        BenefitKind kind,
        String tier,
        String description,
        String status,
        Instant grantedAt,
        Instant validUntil) {}
