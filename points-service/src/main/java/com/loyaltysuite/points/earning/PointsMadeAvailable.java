package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;

/** Internal: an order's points left the pending period; {@code points} of them can now be spent. */
public record PointsMadeAvailable(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        Instant availableAt,
        String causationId,
        PointsTotals totals) {}
