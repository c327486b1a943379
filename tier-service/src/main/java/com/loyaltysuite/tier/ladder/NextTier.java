package com.loyaltysuite.tier.ladder;

import java.math.BigDecimal;

/** The tier above the one held, and how much qualifying value is still missing to reach it. */
public record NextTier(Tier tier, BigDecimal missing) {}
