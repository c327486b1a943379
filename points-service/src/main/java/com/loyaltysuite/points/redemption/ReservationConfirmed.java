package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;

/** Internal: a reservation was confirmed; its points are spent. */
public record ReservationConfirmed(
        MemberId memberId,
        String programId,
        String reservationId,
        String orderId,
        long points,
        Instant redeemedAt,
        PointsTotals totals) {}
