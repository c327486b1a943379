package com.loyaltysuite.points.redemption;

import com.loyaltysuite.support.domain.UnknownResourceException;

public class ReservationNotFoundException extends UnknownResourceException {

    public ReservationNotFoundException(String reservationId) {
        super("No reservation " + reservationId + " for this member");
    }

    @Override
    public String code() {
        return "reservation-not-found";
    }
}
