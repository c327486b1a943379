package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import java.time.Instant;
import java.util.List;

/** One detected anomaly, as the support team sees it; {@code id} is the event id it was published with. */
public record AnomalyView(
        String id,
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
        Instant detectedAt) {}
