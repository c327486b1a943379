package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
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
