package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.points.account.PointsEarned;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What of the points account's history other services see on {@code loyalty.points.v1}. */
@Component
class PointsEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof PointsEarned e) {
            return Optional.of(new com.loyaltysuite.events.points.PointsEarned(
                    e.memberId(),
                    e.programId(),
                    e.orderId(),
                    e.points(),
                    e.basePoints(),
                    e.multiplier(),
                    e.tier(),
                    e.ruleVersion(),
                    e.orderAmount(),
                    e.earnedAt(),
                    e.availableAt(),
                    e.causationId()));
        }
        return Optional.empty();
    }
}
