package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.MemberId;

/** Query: a member's tier decisions, oldest first. Answered with a {@link TierHistoryView}, or none for an unknown member. */
public record FindTierHistory(MemberId memberId) {}
