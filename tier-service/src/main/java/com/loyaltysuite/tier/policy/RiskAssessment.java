package com.loyaltysuite.tier.policy;

import java.math.BigDecimal;
import java.time.Instant;

/** A member short of retention before validity ends: {@code gap} more would keep {@code tier}. */
public record RiskAssessment(
        String tier, Instant validUntil, BigDecimal qualifyingValue, BigDecimal retentionThreshold, BigDecimal gap) {}
