package com.loyaltysuite.tier.policy;

import java.time.Instant;

/**
 * The stretch of business time a qualifying value was counted over, ending at {@code to}
 * (included). A rolling window excludes {@code from}, so the order that started a validity period
 * no longer counts when the period ends; a calendar year includes 1 January 00:00.
 */
public record Window(WindowKind kind, Instant from, Instant to) {

    public boolean contains(Instant at) {
        boolean afterStart = kind == WindowKind.ROLLING ? at.isAfter(from) : !at.isBefore(from);
        return afterStart && !at.isAfter(to);
    }
}
