package com.loyaltysuite.points.earning;

import java.math.BigDecimal;

/** How many points an order earns, and what that was based on. */
public record EarningDecision(long points, long basePoints, BigDecimal multiplier, String tier, String ruleVersion) {}
