package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.time.Instant;
import java.util.List;

/**
 * Stored: a coupon was issued to a member, with its terms as the catalogue gave them. The code is only
 * here as its SHA-256 {@code codeHash} and {@code sealedCode} (ADR 10). {@code kind} is
 * {@code UPGRADE_GIFT} for a pack's coupons, {@code BIRTHDAY_GIFT} for a birthday gift's. Published as
 * {@code BenefitGranted} with the code in clear.
 */
public record CouponIssued(
        MemberId memberId,
        String programId,
        String couponId,
        String benefitCode,
        BenefitKind kind,
        String tier,
        String description,
        Money faceValue,
        Money minSpend,
        List<String> channels,
        boolean tierExclusive,
        Instant validFrom,
        Instant validUntil,
        String codeHash,
        String sealedCode,
        String catalogueVersion,
        String causationId) {

    public CouponIssued {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
