package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.membertier.ManualTier;
import java.time.Instant;
import java.util.List;

/**
 * A member's tier as support and the member see it, now.
 *
 * @param validUntil null for the entry tier, which is never lost
 * @param qualifyingValue counted over the window ending now ({@code window})
 * @param nextTier the tier above, null at the top; {@code neededForNextTier} is what it still takes
 * @param retentionThreshold what keeps the tier at the end of validity; null for the entry tier
 * @param neededToKeep what is still missing, counting the orders known, to keep it; null for the entry tier
 * @param projectedTier the tier held after validity ends if nothing more is bought (for a manual
 *     tier: the tier earned by the rules, which applies again when it ends)
 * @param manual the manual tier in force, if any
 * @param earnedTier the tier earned by the rules (differs from {@code tier} under a manual tier)
 * @param refundsAwaitingOrder refunds that arrived before their order, not counted in
 *     {@code qualifyingValue} until the order is
 */
public record MemberTierView(
        String memberId,
        String tier,
        String tierName,
        String tierNameEn,
        Instant since,
        Instant validUntil,
        QualifyingValue qualifyingValue,
        TierHistoryEntry.WindowView window,
        String nextTier,
        QualifyingValue neededForNextTier,
        QualifyingValue retentionThreshold,
        QualifyingValue neededToKeep,
        String projectedTier,
        ManualTier manual,
        String earnedTier,
        String policyVersion,
        Instant updatedAt,
        List<RefundAwaitingOrderView> refundsAwaitingOrder) {}
