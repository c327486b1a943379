package com.loyaltysuite.points.earning;

import java.math.BigDecimal;

/**
 * How many points an order earns, and what that was based on: {@code points} =
 * floor({@code basePoints} × {@code multiplier}), capped; {@code promotionId} is the promotion that
 * applied, if any.
 */
public record EarningDecision(
        long points, long basePoints, BigDecimal multiplier, String tier, String ruleVersion, String promotionId) {}
