package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.tier.membertier.TierChanged;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What of a member tier's history other services see on {@code loyalty.tiers.v1}: tier changes only.
 * Qualifying spend stays inside; it is order data other teams already have.
 */
@Component
class TierEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof TierChanged e) {
            return Optional.of(new com.loyaltysuite.events.tier.TierChanged(
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
        return Optional.empty();
    }
}
