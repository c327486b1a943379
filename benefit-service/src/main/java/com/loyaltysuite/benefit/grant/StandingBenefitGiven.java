package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.math.BigDecimal;
import java.time.Instant;

/** Stored: a member holds a standing benefit of their tier from {@code givenAt}. Published as {@code BenefitGranted}. */
public record StandingBenefitGiven(
        MemberId memberId,
        String programId,
        String benefitId,
        String benefitCode,
        BenefitKind kind,
        String tier,
        String description,
        BigDecimal priceFactor,
        Instant givenAt,
        String catalogueVersion,
        String causationId) {}
