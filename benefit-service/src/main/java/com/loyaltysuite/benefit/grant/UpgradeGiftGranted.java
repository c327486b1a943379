package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/**
 * Stored: a member received the upgrade gift of {@code tier}, with the catalogue entry as it was when
 * granted ({@code kind} is {@code UPGRADE_GIFT}). Published as the contract's {@code BenefitGranted}.
 * Stored before under the name {@code grant.BenefitGranted} ({@link FormerBenefitEventNames}).
 */
public record UpgradeGiftGranted(
        MemberId memberId,
        String programId,
        String benefitId,
        String benefitCode,
        BenefitKind kind,
        String tier,
        String description,
        Instant grantedAt,
        Instant validUntil,
        String causationId) {}
