package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.points.PointsAdjusted;
import com.loyaltysuite.events.points.PointsAvailable;
import com.loyaltysuite.events.points.PointsEarned;
import com.loyaltysuite.events.points.PointsExpired;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.events.points.PointsRedeemed;
import com.loyaltysuite.events.points.PointsReversed;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiringPointsWarned;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.refund.RefundReversed;
import com.loyaltysuite.points.standing.PointsForfeited;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What of the points account's history other services see on {@code loyalty.points.v1}: one line per
 * internal event that has a contract form. Reservations and their releases, tier history, member
 * statuses, withheld earnings (and their forfeiture on unfreezing) and refunds awaiting their order stay
 * inside the service; withheld points are published as {@code PointsEarned} when released, and points
 * forfeited on closing as {@code PointsExpired}.
 */
@Configuration(proxyBeanMethods = false)
class PointsEventMapper {

    @Bean
    IntegrationEventMapper pointsContractEvents() {
        return mappings();
    }

    static IntegrationEventMappings mappings() {
        return IntegrationEventMappings.builder()
                .map(EarningRecorded.class, e -> new PointsEarned(
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
                        e.causationId()))
                .map(PointsMadeAvailable.class, e -> new PointsAvailable(
                        e.memberId(), e.programId(), e.orderId(), e.points(), e.availableAt(), e.causationId()))
                .map(RefundReversed.class, e -> new PointsReversed(
                        e.memberId(), e.programId(), e.orderId(), e.refundId(), e.points(), e.reversedAt(), e.causationId()))
                .map(ReservationConfirmed.class, e -> new PointsRedeemed(
                        e.memberId(), e.programId(), e.reservationId(), e.orderId(), e.points(), e.redeemedAt()))
                .map(ExpiringPointsWarned.class, e -> new PointsExpiring(
                        e.memberId(), e.programId(), e.points(), e.expiresAt(), e.warnedAt()))
                .map(DuePointsExpired.class, e -> new PointsExpired(e.memberId(), e.programId(), e.points(), e.expiredAt()))
                // Only withheld points forfeited: they were never published as earned, so nothing expires.
                .map(PointsForfeited.class, e -> e.points() == 0
                        ? null
                        : new PointsExpired(e.memberId(), e.programId(), e.points(), e.forfeitedAt()))
                .map(AdjustmentRecorded.class, e -> new PointsAdjusted(
                        e.memberId(), e.programId(), e.points(), e.reason(), e.operatorId(), e.adjustedAt()))
                .build();
    }
}
