package com.loyaltysuite.events.tier;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * The value a tier decision was measured on: qualifying spend (unit = currency code) or earned
 * points (unit = {@code POINTS}), counted over the window ending at the decision.
 */
public record QualifyingValue(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value, String unit) {}
