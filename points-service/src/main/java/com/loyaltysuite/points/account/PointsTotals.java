package com.loyaltysuite.points.account;

import java.util.List;

/**
 * A member's points after a movement, carried on every account event so the read side mirrors the
 * account exactly. {@code balance} is everything the member holds (reserved points included) less the
 * debt left by refunds of points already spent.
 */
public record PointsTotals(long available, long pending, long reserved, long debt, List<ExpiryBucket> expiries) {

    public PointsTotals {
        expiries = expiries == null ? List.of() : List.copyOf(expiries);
    }

    public long balance() {
        return available + pending + reserved - debt;
    }
}
