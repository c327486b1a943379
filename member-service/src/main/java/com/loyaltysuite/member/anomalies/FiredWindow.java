package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.anomaly.AnomalyRule;
import java.time.Instant;

/** A window a rule already fired for: the rule does not fire again for a window that overlaps it. */
public record FiredWindow(AnomalyRule rule, Instant start, Instant end) {

    boolean overlaps(AnomalyRule otherRule, Instant otherStart, Instant otherEnd) {
        return rule == otherRule && start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
