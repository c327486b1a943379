package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: a reservation was confirmed; its points are spent. */
public record PointsRedeemed(
        MemberId memberId,
        String programId,
        String reservationId,
        String orderId,
        long points,
        Instant redeemedAt,
        PointsTotals totals) {}
