package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.tier.CurrentTier;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.tier.membertier.MemberTierUpdated;
import com.loyaltysuite.tier.membertier.TierAtRiskAssessed;
import com.loyaltysuite.tier.membertier.TierInForceChanged;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What of a member tier's history other services see: tier changes and at-risk warnings on
 * {@code loyalty.tiers.v1}, and each new standing as {@code CurrentTier} on the compacted
 * {@code loyalty.member-tiers.v1} (the relay picks the topic by contract type). Qualifying orders
 * and internal decisions that change nothing visible stay inside.
 */
@Component
class TierEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof TierInForceChanged e) {
            return Optional.of(new TierChanged(
                    e.memberId(),
                    e.programId(),
                    e.fromTier(),
                    e.toTier(),
                    e.reason(),
                    e.qualifyingValue(),
                    e.policyVersion(),
                    e.effectiveAt(),
                    e.validUntil(),
                    e.causationIds()));
        }
        if (payload instanceof MemberTierUpdated e) {
            return Optional.of(new CurrentTier(
                    e.memberId(),
                    e.programId(),
                    e.tier(),
                    e.since(),
                    e.validUntil(),
                    e.qualifyingValue(),
                    e.manual() != null,
                    e.policyVersion(),
                    e.updatedAt()));
        }
        if (payload instanceof TierAtRiskAssessed e) {
            return Optional.of(new TierAtRisk(
                    e.memberId(),
                    e.programId(),
                    e.tier(),
                    e.validUntil(),
                    e.qualifyingValue(),
                    e.retentionThreshold(),
                    e.gap(),
                    e.policyVersion(),
                    e.assessedAt()));
        }
        return Optional.empty();
    }
}
