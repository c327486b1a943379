package com.loyaltysuite.tier.membertier;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: a manual tier ended, early by {@code operatorId} or (null) at its end date. Normal rules resume. */
public record ManualTierEnded(
        MemberId memberId, String programId, ManualTier ended, String operatorId, Instant endedAt) {}
