package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.anomaly.AnomalyRule;

/** Query: detected anomalies, newest first, one page; {@code rule} null for every rule. Answered with an {@link AnomalyPageView}. */
public record FindAnomalies(AnomalyRule rule, int page, int size) {}
