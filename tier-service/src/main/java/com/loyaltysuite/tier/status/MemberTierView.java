package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.Money;
import java.time.Instant;

/**
 * A member's tier as support and the member see it. {@code validUntil} is null for the entry tier,
 * which is never lost; {@code nextTier} and {@code neededForNextTier} are null at the top.
 */
public record MemberTierView(
        String memberId,
        String tier,
        String tierName,
        Instant since,
        Instant validUntil,
        Money qualifyingValue,
        String nextTier,
        Money neededForNextTier) {}
