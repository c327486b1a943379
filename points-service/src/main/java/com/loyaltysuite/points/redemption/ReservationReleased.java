package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.PointsTotals;
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
