package com.loyaltysuite.points.ledger;

import java.util.List;

/** One page of a member's ledger, newest first. */
public record PointsLedgerView(String memberId, int page, int size, long totalEntries, List<LedgerEntryView> entries) {}
