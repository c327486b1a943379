package com.loyaltysuite.points.redemption;


public enum ReservationStatus {
    OPEN,
    CONFIRMED,
    CANCELLED,
    EXPIRED
}
