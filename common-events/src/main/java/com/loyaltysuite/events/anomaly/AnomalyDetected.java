package com.loyaltysuite.events.anomaly;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * A member's payments broke an anomaly rule within a window. Published by member-service on
 * {@code loyalty.anomalies.v1}; notification-service alerts the operations contact, and the support
 * team lists them. A rule fires at most once per member per window. {@code observed} is what the rule
 * measured and {@code threshold} what it allows, both in {@code unit} (a currency code, {@code payments},
 * {@code percent}, {@code local-time} or {@code status}); {@code orderIds} are the orders involved.
 * {@code causationIds} are the CloudEvent ids of the events that triggered it.
 */
public record AnomalyDetected(
        MemberId memberId,
        String programId,
        AnomalyRule rule,
        Instant windowStart,
        Instant windowEnd,
        List<OrderId> orderIds,
        String observed,
        String threshold,
        String unit,
        String description,
        Instant detectedAt,
        List<String> causationIds)
        implements IntegrationEvent {

    public AnomalyDetected {
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}
