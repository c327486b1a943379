package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;

/** Internal: support assigned a tier by hand (audited: operator, reason, mode, end date). */
public record ManualTierAssigned(MemberId memberId, String programId, ManualTier assignment) {}
