package com.loyaltysuite.tier.status;

import com.loyaltysuite.events.MemberId;

/** Query: a member's tier. Answered with a {@link MemberTierView}, or none for a member without orders. */
public record FindMemberTier(MemberId memberId) {}
