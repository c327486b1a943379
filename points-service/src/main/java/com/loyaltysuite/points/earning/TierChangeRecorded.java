package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: the member holds {@code tier} from {@code effectiveAt} on (from a TierChanged). */
public record TierChangeRecorded(MemberId memberId, String programId, String tier, Instant effectiveAt, String causationId) {}
