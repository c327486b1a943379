package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: a reservation was cancelled or expired; its points went back to their lots. */
public record ReservationReleased(
        MemberId memberId,
        String programId,
        String reservationId,
        String orderId,
        long points,
        ReservationStatus status,
        Instant releasedAt,
        PointsTotals totals) {}
