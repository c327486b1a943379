package com.loyaltysuite.points.account;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;

/** Internal: an order's points left the pending period; {@code points} of them can now be spent. */
public record PointsAvailable(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        Instant availableAt,
        String causationId,
        PointsTotals totals) {}
