package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsAvailable;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What of the points account's history other services see on {@code loyalty.points.v1}. Reservations,
 * tier history and unmatched refunds stay inside the service.
 */
@Component
class PointsEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        return Optional.ofNullable(map(payload));
    }

    private static IntegrationEvent map(Object payload) {
        if (payload instanceof com.loyaltysuite.points.account.PointsEarned e) {
            return new PointsEarned(
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
                    e.causationId());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsAvailable e) {
            return new PointsAvailable(e.memberId(), e.programId(), e.orderId(), e.points(), e.availableAt(), e.causationId());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsReversed e) {
            return new PointsReversed(
                    e.memberId(), e.programId(), e.orderId(), e.refundId(), e.points(), e.reversedAt(), e.causationId());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsRedeemed e) {
            return new PointsRedeemed(
                    e.memberId(), e.programId(), e.reservationId(), e.orderId(), e.points(), e.redeemedAt());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsExpiring e) {
            return new PointsExpiring(e.memberId(), e.programId(), e.points(), e.expiresAt(), e.warnedAt());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsExpired e) {
            return new PointsExpired(e.memberId(), e.programId(), e.points(), e.expiredAt());
        }
        if (payload instanceof com.loyaltysuite.points.account.PointsAdjusted e) {
            return new PointsAdjusted(e.memberId(), e.programId(), e.points(), e.reason(), e.operatorId(), e.adjustedAt());
        }
        return null;
    }
}
