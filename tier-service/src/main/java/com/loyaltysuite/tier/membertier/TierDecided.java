package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.TierDecision;
import com.loyaltysuite.tier.policy.Window;
import java.time.Instant;
import java.util.List;

/**
 * Internal: a rule decided the tier the member has earned (promotion, retention, demotion, grace),
 * with what it was based on: the value over {@code window}, the policy version and the events
 * counted. Whether the member's tier in force changes too depends on a manual tier; see
 * {@link TierInForceChanged}.
 */
public record TierDecided(
        MemberId memberId,
        String programId,
        DecisionKind kind,
        String fromTier,
        String toTier,
        QualifyingValue qualifyingValue,
        Window window,
        String policyVersion,
        Instant decidedAt,
        Instant validUntil,
        Instant graceEndsAt,
        List<String> causationIds) {

    public TierDecided {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }

    /** The event of {@code decision}, with values in {@code unit}, under {@code policyVersion}. */
    static TierDecided of(MemberId memberId, String programId, TierDecision decision, String unit, String policyVersion) {
        return new TierDecided(
                memberId,
                programId,
                decision.kind(),
                decision.fromTier(),
                decision.toTier(),
                new QualifyingValue(decision.qualifyingValue(), unit),
                decision.window(),
                policyVersion,
                decision.at(),
                decision.validUntil(),
                decision.graceEndsAt(),
                decision.causationIds());
    }
}
