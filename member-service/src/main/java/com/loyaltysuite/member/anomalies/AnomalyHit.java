package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import java.time.Instant;
import java.util.List;

/** What a rule found: its window, the orders involved, and what it measured against what it allows. */
public record AnomalyHit(
        AnomalyRule rule,
        Instant windowStart,
        Instant windowEnd,
        List<OrderId> orderIds,
        String observed,
        String threshold,
        String unit,
        String description) {

    public AnomalyHit {
        orderIds = List.copyOf(orderIds);
    }
}
