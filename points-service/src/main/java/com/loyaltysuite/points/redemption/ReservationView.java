package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.Money;
import java.time.Instant;

/** A reservation of points for a checkout, and what the points are worth. */
public record ReservationView(
        String reservationId,
        String memberId,
        String orderId,
        long points,
        Money value,
        ReservationStatus status,
        Instant expiresAt) {}
