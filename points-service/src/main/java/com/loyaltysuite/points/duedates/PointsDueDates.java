package com.loyaltysuite.points.duedates;

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
 * Sets the account's due dates as durable timers, in the transaction of the decision that sets them
 * (a subscribing processing group): the end of each order's pending period, each expiry instant and
 * its warning, and each reservation's time limit. Expiry timers are keyed by member and instant, so
 * lots that expire together (e.g. at the end of a year) share one timer and one DuePointsExpired.
 */
@Component
@ProcessingGroup(PointsDueDates.PROCESSING_GROUP)
class PointsDueDates {

    static final String PROCESSING_GROUP = "points-due-dates";
    static final String AVAILABLE = "points-available";
    static final String EXPIRING = "points-expiring";
    static final String EXPIRY = "points-expiry";
    static final String RESERVATION = "points-reservation";

    private final DueTimers timers;
    private final ExpiryPolicy expiry;

    PointsDueDates(DueTimers timers, ExpiryPolicy expiry) {
        this.timers = timers;
        this.expiry = expiry;
    }

    @EventHandler
    void on(EarningRecorded event) {
        timers.schedule(
                AVAILABLE,
                key(AVAILABLE, event.memberId(), event.orderId().value()),
                event.memberId(),
                event.availableAt(),
                event.orderId().value());
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
                RESERVATION,
                key(RESERVATION, event.memberId(), event.reservationId()),
                event.memberId(),
                event.expiresAt(),
                event.reservationId());
    }

    @EventHandler
    void on(ReservationConfirmed event) {
        timers.cancel(key(RESERVATION, event.memberId(), event.reservationId()));
    }

    @EventHandler
    void on(ReservationReleased event) {
        if (event.status() == ReservationStatus.CANCELLED) {
            timers.cancel(key(RESERVATION, event.memberId(), event.reservationId()));
        }
    }

    private void scheduleExpiry(MemberId member, Instant expiresAt) {
        String instant = expiresAt.toString();
        timers.schedule(EXPIRY, key(EXPIRY, member, instant), member, expiresAt, instant);
        timers.schedule(EXPIRING, key(EXPIRING, member, instant), member, expiresAt.minus(expiry.warnBefore()), instant);
    }

    static String key(String kind, MemberId member, String what) {
        return kind + ":" + member.value() + ":" + what;
    }
}
