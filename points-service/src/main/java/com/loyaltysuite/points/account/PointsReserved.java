package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.util.List;

/** Internal: available points were held for a checkout until {@code expiresAt}. */
public record PointsReserved(
        MemberId memberId,
        String programId,
        String reservationId,
        String orderId,
        long points,
        List<LotDraw> draws,
        Instant reservedAt,
        Instant expiresAt,
        PointsTotals totals) {}
