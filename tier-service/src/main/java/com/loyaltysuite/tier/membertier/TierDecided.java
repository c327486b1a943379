package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.tier.policy.DecisionKind;
import com.loyaltysuite.tier.policy.Window;
import java.time.Instant;
import java.util.List;

/**
 * Internal: a rule decided the tier the member has earned (promotion, retention, demotion, grace),
 * with what it was based on: the value over {@code window}, the policy version and the events
 * counted. Whether the member's tier in force changes too depends on a manual tier; see
 * {@link TierChanged}.
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
}
