package com.loyaltysuite.tier.status;

import java.util.List;

/** A member's tier decisions, oldest first. */
public record TierHistoryView(String memberId, List<TierHistoryEntry> decisions) {}
