package com.loyaltysuite.tier.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A decision about the tier a member has earned, with what it was based on: the qualifying value
 * over {@code window}, the business time it takes effect, and the ids of the events counted.
 *
 * @param validUntil end of validity of {@code toTier}; null for the entry tier, which is never lost
 * @param graceEndsAt set only for {@link DecisionKind#GRACE_STARTED}
 */
public record TierDecision(
        DecisionKind kind,
        String fromTier,
        String toTier,
        BigDecimal qualifyingValue,
        Window window,
        Instant at,
        Instant validUntil,
        Instant graceEndsAt,
        List<String> causationIds) {

    public TierDecision {
        causationIds = List.copyOf(causationIds);
    }
}
