package com.loyaltysuite.points.timers;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.adjustment.AdjustmentRecorded;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.points.redemption.PointsReserved;
import com.loyaltysuite.points.redemption.ReservationConfirmed;
import com.loyaltysuite.points.redemption.ReservationReleased;
import com.loyaltysuite.points.redemption.ReservationStatus;
import com.loyaltysuite.support.timers.DueTimers;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Sets the account's {@link PointsTimers} in the transaction of the decision that sets them (a
 * subscribing processing group): the end of each order's pending period, each expiry instant and its
 * warning, and each reservation's time limit. Expiry timers are keyed by member and instant, so lots
 * that expire together (e.g. at the end of a year) share one timer and one DuePointsExpired.
 */
@Component
@ProcessingGroup(PointsTimerScheduler.PROCESSING_GROUP)
class PointsTimerScheduler {

    static final String PROCESSING_GROUP = "points-due-dates";

    private final DueTimers timers;
    private final ExpiryPolicy expiry;

    PointsTimerScheduler(DueTimers timers, ExpiryPolicy expiry) {
        this.timers = timers;
        this.expiry = expiry;
    }

    @EventHandler
    void on(EarningRecorded event) {
        timers.schedule(
                PointsTimers.AVAILABLE,
                event.memberId(),
                event.orderId().value(),
                event.availableAt(),
                new PointsTimers.OrderDue(event.orderId()));
        scheduleExpiry(event.memberId(), event.expiresAt());
    }

    @EventHandler
    void on(AdjustmentRecorded event) {
        if (event.expiresAt() != null) {
            scheduleExpiry(event.memberId(), event.expiresAt());
        }
    }

    @EventHandler
    void on(PointsReserved event) {
        timers.schedule(
                PointsTimers.RESERVATION,
                event.memberId(),
                event.reservationId(),
                event.expiresAt(),
                new PointsTimers.ReservationDue(event.reservationId()));
    }

    @EventHandler
    void on(ReservationConfirmed event) {
        timers.cancel(PointsTimers.RESERVATION, event.memberId(), event.reservationId());
    }

    @EventHandler
    void on(ReservationReleased event) {
        if (event.status() == ReservationStatus.CANCELLED) {
            timers.cancel(PointsTimers.RESERVATION, event.memberId(), event.reservationId());
        }
    }

    private void scheduleExpiry(MemberId member, Instant expiresAt) {
        PointsTimers.ExpiryDue due = new PointsTimers.ExpiryDue(expiresAt);
        timers.schedule(PointsTimers.EXPIRY, member, expiresAt.toString(), expiresAt, due);
        timers.schedule(PointsTimers.EXPIRING, member, expiresAt.toString(), expiresAt.minus(expiry.warnBefore()), due);
    }
}
