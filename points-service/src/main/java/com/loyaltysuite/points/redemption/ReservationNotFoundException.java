package com.loyaltysuite.points.redemption;

import com.loyaltysuite.support.domain.UnknownResourceException;

public class ReservationNotFoundException extends UnknownResourceException {

    public ReservationNotFoundException(String reservationId) {
        super("reservation-not-found", "No reservation " + reservationId + " for this member");
    }
}
