package com.loyaltysuite.points.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A member's points. {@code balance} is everything the member holds: {@code available} +
 * {@code pending} + {@code reserved} − {@code debt}. Pending points are still inside the return
 * window; reserved ones are held by an open checkout; debt is what refunds took back beyond what was
 * left. {@code withheld} are points of orders paid while the member was frozen (or closed): not
 * part of the balance, released when a frozen member is unfrozen. {@code expiringSoon} lists unspent points that expire within the warning period.
 */
public record PointsBalanceView(
        String memberId,
        long balance,
        long available,
        long pending,
        long reserved,
        long debt,
        long withheld,
        List<ExpiringPoints> expiringSoon,
        Instant updatedAt) {

    public record ExpiringPoints(long points, Instant expiresAt) {}
}
