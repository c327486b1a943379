package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.account.PointsTotals;
import java.time.Instant;

/**
 * Internal: the member was unfrozen under the {@code forfeit} rule, so the points withheld for an order
 * paid while frozen are never paid. They were never in the balance nor published as earned, so nothing
 * is published now; refunds of the order take nothing. {@code forfeitedAt} is when the member was
 * unfrozen; {@code reason} that change's reason. {@code totals.withheld()} is what the account still
 * withholds after it.
 */
public record WithheldEarningForfeited(
        MemberId memberId,
        String programId,
        OrderId orderId,
        long points,
        String reason,
        Instant forfeitedAt,
        String causationId,
        PointsTotals totals) {}
