package com.loyaltysuite.points.redemption;

import com.loyaltysuite.support.domain.RuleViolationException;

/** A confirmed reservation cannot be cancelled, nor a cancelled or expired one confirmed. */
public class ReservationClosedException extends RuleViolationException {

    public ReservationClosedException(String reservationId, ReservationStatus status) {
        super("reservation-closed", "Reservation " + reservationId + " is " + status.name().toLowerCase(java.util.Locale.ROOT));
    }
}
