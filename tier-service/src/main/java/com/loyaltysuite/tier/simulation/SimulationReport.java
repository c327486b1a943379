package com.loyaltysuite.tier.simulation;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a what-if simulation as of {@code asOf}: how many members would hold each tier of
 * the proposed ladder, and how many would stand higher, lower or the same compared with the tier
 * they have earned today (manual tiers are left aside: no policy decides them). Members whose tier
 * today is not on the proposed ladder cannot be compared ({@code notComparable}).
 */
public record SimulationReport(
        String policyVersion,
        String currentPolicyVersion,
        Instant asOf,
        int members,
        List<TierCount> tiers,
        int movedUp,
        int movedDown,
        int unchanged,
        int notComparable) {

    public record TierCount(String code, int members, int today) {}
}
