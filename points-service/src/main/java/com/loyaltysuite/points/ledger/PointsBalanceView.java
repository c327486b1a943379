package com.loyaltysuite.points.ledger;

import java.time.Instant;

/**
 * A member's points: {@code balance} = {@code available} + {@code pending}. Pending points are still
 * inside the return window and cannot be spent yet.
 */
public record PointsBalanceView(String memberId, long balance, long available, long pending, Instant updatedAt) {}
