package com.loyaltysuite.benefit.wallet;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.benefit.BenefitKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One benefit a member holds or held (会员资产). {@code status}: {@code ACTIVE}, {@code USED},
 * {@code EXPIRED} (its validity ended unused), {@code REVOKED} ({@code statusReason} says why).
 * Coupons have {@code faceValue}, {@code minSpend}, {@code channels} and a validity; the member price has
 * {@code priceFactor}. A coupon's code is never shown here (ADR 10).
 */
public record BenefitView(
        String benefitId,
        String code,
        BenefitKind kind,
        String tier,
        String description,
        String status,
        String statusReason,
        Instant grantedAt,
        Instant validFrom,
        Instant validUntil,
        BigDecimal priceFactor,
        Money faceValue,
        Money minSpend,
        List<String> channels) {}
