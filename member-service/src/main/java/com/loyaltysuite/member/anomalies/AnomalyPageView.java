package com.loyaltysuite.member.anomalies;

import java.util.List;

/** A page of anomalies, newest first, and how many match in all. */
public record AnomalyPageView(int page, int size, long total, List<AnomalyView> anomalies) {}
