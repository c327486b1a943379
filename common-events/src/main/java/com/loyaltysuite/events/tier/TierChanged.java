package com.loyaltysuite.events.tier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * A member moved from one tier to another. The public contract of {@code loyalty.tiers.v1}: other
 * teams rely on it. {@code effectiveAt} is business time (the paid time of the order that caused a
 * promotion); points-service uses it to pick the earning multiplier. {@code causationIds} are the
 * CloudEvent ids of the events the decision was based on. Consumed by benefit-service,
 * notification-service, points-service and other teams. {@code toRegain}, on a demotion the rules decided
 * (reason {@code RETENTION_FAILED}), is what the member lacks to regain the tier they lost; absent
 * otherwise, and in events published before it existed.
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
        List<String> causationIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) RegainTarget toRegain)
        implements IntegrationEvent {

    public TierChanged {
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }

    /** Without what regains a lost tier (a promotion, a manual change, or the first form of this event). */
    public TierChanged(
            MemberId memberId,
            String programId,
            String fromTier,
            String toTier,
            TierChangeReason reason,
            QualifyingValue qualifyingValue,
            String policyVersion,
            Instant effectiveAt,
            Instant validUntil,
            List<String> causationIds) {
        this(memberId, programId, fromTier, toTier, reason, qualifyingValue, policyVersion, effectiveAt, validUntil,
                causationIds, null);
    }
}
