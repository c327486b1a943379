package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import java.time.Instant;
import java.util.List;

/** Stored: a rule fired for the member's window. Published as the contract's {@code AnomalyDetected}. */
public record AnomalyRecorded(
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
        List<String> causationIds) {

    public AnomalyRecorded {
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
        causationIds = causationIds == null ? List.of() : List.copyOf(causationIds);
    }
}
