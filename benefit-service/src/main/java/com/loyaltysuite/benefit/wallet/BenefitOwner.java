package com.loyaltysuite.benefit.wallet;

/** The member a benefit belongs to. */
public record BenefitOwner(String memberId, String benefitId) {}
