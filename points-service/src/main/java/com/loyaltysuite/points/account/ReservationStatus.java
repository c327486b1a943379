package com.loyaltysuite.points.account;

public enum ReservationStatus {
    OPEN,
    CONFIRMED,
    CANCELLED,
    EXPIRED
}
