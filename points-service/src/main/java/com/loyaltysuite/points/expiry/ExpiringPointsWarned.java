package com.loyaltysuite.points.expiry;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: the member was warned that {@code points} expire at {@code expiresAt}. */
public record ExpiringPointsWarned(MemberId memberId, String programId, long points, Instant expiresAt, Instant warnedAt) {}
