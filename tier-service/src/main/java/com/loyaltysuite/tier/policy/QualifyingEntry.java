package com.loyaltysuite.tier.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order (or one order's earned points) as it counts towards a tier: its value net of refunds,
 * counted at its own business time (paid time), and the ids of the events behind it.
 */
public record QualifyingEntry(String orderId, BigDecimal value, Instant at, List<String> causationIds) {

    public QualifyingEntry {
        causationIds = List.copyOf(causationIds);
    }

    /** This entry after {@code amount} more was refunded; never below zero. */
    QualifyingEntry reducedBy(BigDecimal amount, String causationId) {
        BigDecimal net = value.subtract(amount).max(BigDecimal.ZERO.setScale(value.scale()));
        List<String> ids = new ArrayList<>(causationIds);
        ids.add(causationId);
        return new QualifyingEntry(orderId, net, at, ids);
    }
}
