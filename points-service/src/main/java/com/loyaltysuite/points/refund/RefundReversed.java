package com.loyaltysuite.points.refund;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.account.LotDraw;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;
import java.util.List;

/**
 * Internal: a refund took back {@code points} of an order's points: {@code draws} from lots, and
 * {@code debtAdded} that had been spent already.
 */
public record RefundReversed(
        MemberId memberId,
        String programId,
        OrderId orderId,
        String refundId,
        Money refundAmount,
        long points,
        List<LotDraw> draws,
        long debtAdded,
        Instant reversedAt,
        String causationId,
        PointsTotals totals) {}
