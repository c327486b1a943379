package com.loyaltysuite.events.tier;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * A member moved from one tier to another. The public contract of {@code loyalty.tiers.v1}: other
 * teams rely on it. {@code effectiveAt} is business time (the paid time of the order that caused a
 * promotion); points-service uses it to pick the earning multiplier. {@code causationIds} are the
 * CloudEvent ids of the events the decision was based on. Consumed by benefit-service,
 * notification-service, points-service and other teams.
 */
public record TierChanged(
        MemberId memberId,
        String programId,
        String fromTier,
        String toTier,
        TierChangeReason reason,
        QualifyingValue qualifyingValue,
        String policyVersion,
        Instant effectiveAt,
        Instant validUntil,
        List<String> causationIds)
        implements IntegrationEvent {

    public TierChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}
