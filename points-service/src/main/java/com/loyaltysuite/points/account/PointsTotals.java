package com.loyaltysuite.points.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A member's points after a movement, carried on every account event so the read side mirrors the
 * account exactly. {@code balance} is everything the member holds (reserved points included) less the
 * debt left by refunds of points already spent. {@code withheld} are points of orders paid while the
 * member was frozen or closed: not part of the balance; left out of the stored JSON when 0, so the
 * events of members never frozen are stored as before (and events stored before it existed read it as 0).
 */
public record PointsTotals(
        long available,
        long pending,
        long reserved,
        long debt,
        List<ExpiryBucket> expiries,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long withheld) {

    public PointsTotals {
        expiries = expiries == null ? List.of() : List.copyOf(expiries);
    }

    /** Totals with nothing withheld. */
    public PointsTotals(long available, long pending, long reserved, long debt, List<ExpiryBucket> expiries) {
        this(available, pending, reserved, debt, expiries, 0);
    }

    public long balance() {
        return available + pending + reserved - debt;
    }

    public PointsTotals withWithheld(long points) {
        return new PointsTotals(available, pending, reserved, debt, expiries, points);
    }
}
