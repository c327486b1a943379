package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;

/** Internal: a member received a benefit, with the catalogue entry as it was when granted. */
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
        String causationId) {}
