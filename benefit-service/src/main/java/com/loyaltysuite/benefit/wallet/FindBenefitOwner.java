package com.loyaltysuite.benefit.wallet;

/**
 * Query: whose is the coupon with this code hash, or the benefit with this id (exactly one of the two is
 * given)? Answered with a {@link BenefitOwner}, or {@code null} when none is known.
 */
public record FindBenefitOwner(String codeHash, String benefitId) {}
