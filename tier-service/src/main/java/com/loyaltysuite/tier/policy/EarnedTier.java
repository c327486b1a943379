package com.loyaltysuite.tier.policy;

import java.time.Instant;

/**
 * The tier a member has earned by the rules, and how it stands: since when (the last promotion or
 * demotion), until when it is held, and when a running grace period ends. Each decision moves it
 * the same way, in the member's tier and in a what-if simulation: {@link #after(TierDecision)}.
 *
 * @param since null until the member first moves off the entry tier
 * @param validUntil null for the entry tier, which is never lost
 * @param graceEndsAt set while a grace period runs
 */
public record EarnedTier(String tier, Instant since, Instant validUntil, Instant graceEndsAt) {

    /** Where every member starts, never lost. */
    public static EarnedTier entry(String entryTier) {
        return new EarnedTier(entryTier, null, null, null);
    }

    public EarnedTier after(TierDecision decision) {
        return after(decision.kind(), decision.toTier(), decision.at(), decision.validUntil(), decision.graceEndsAt());
    }

    /**
     * The standing a decision leaves: a promotion or a demotion starts a new tenure at {@code at};
     * retention and grace keep the tier and its start, with a new end.
     */
    public EarnedTier after(DecisionKind kind, String toTier, Instant at, Instant validUntil, Instant graceEndsAt) {
        boolean moved = kind == DecisionKind.PROMOTED || kind == DecisionKind.DEMOTED;
        return new EarnedTier(toTier, moved ? at : since, validUntil, graceEndsAt);
    }

    /** When the rules next look at this tier: the end of grace while it runs, else the end of validity; null never. */
    public Instant due() {
        return graceEndsAt != null ? graceEndsAt : validUntil;
    }

    public boolean inGrace() {
        return graceEndsAt != null;
    }
}
