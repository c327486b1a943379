package com.loyaltysuite.events.benefit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member received a benefit: a standing benefit of a newly reached tier (会员价, free shipping, …), or a
 * coupon (of the upgrade gift pack, the birthday gift, …). Published by benefit-service on
 * {@code loyalty.benefits.v1}; consumed by notification-service.
 *
 * @param tier the tier the benefit comes with, or {@code null} (a birthday gift)
 * @param validUntil until when it can be used, {@code null} for a standing benefit (held until revoked)
 * @param catalogueVersion the version of the benefit catalogue it was granted under ({@code null} for
 *     grants made before catalogues were versioned)
 * @param priceFactor for {@code MEMBER_PRICE}, what the member pays of the list price (e.g. 0.95); else {@code null}
 * @param coupon for a coupon, its code and terms; else {@code null}
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
        String causationId,
        String catalogueVersion,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceFactor,
        CouponTerms coupon)
        implements IntegrationEvent {}
