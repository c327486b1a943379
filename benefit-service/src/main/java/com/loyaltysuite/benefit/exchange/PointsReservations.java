package com.loyaltysuite.benefit.exchange;

import com.loyaltysuite.events.MemberId;

/**
 * points-service's reservations, as the exchange saga needs them. Each call is idempotent on
 * points-service's side (a reservation is named by its request id; confirming or cancelling again answers
 * the same), so a step is simply repeated after a crash. A refusal is a {@link PointsRefusedException};
 * any other exception is transient, and the step is retried.
 */
public interface PointsReservations {

    /** Reserves {@code points}; returns the reservation id. */
    String reserve(MemberId member, String requestId, String orderId, long points);

    void confirm(MemberId member, String reservationId);

    void cancel(MemberId member, String reservationId);
}
