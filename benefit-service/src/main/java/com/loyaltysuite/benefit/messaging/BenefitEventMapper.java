package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.BenefitGranted;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What of members' benefits other services see on {@code loyalty.benefits.v1}. */
@Component
class BenefitEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof BenefitGranted e) {
            return Optional.of(new com.loyaltysuite.events.benefit.BenefitGranted(
                    e.memberId(),
                    e.programId(),
                    e.benefitId(),
                    e.benefitCode(),
                    e.kind(),
                    e.tier(),
                    e.description(),
                    e.grantedAt(),
                    e.validUntil(),
                    e.causationId()));
        }
        return Optional.empty();
    }
}
