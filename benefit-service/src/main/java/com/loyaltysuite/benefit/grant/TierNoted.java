package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Stored, internal: the member's tier in force from {@code effectiveAt}, from tier-service's {@code TierChanged}. */
public record TierNoted(MemberId memberId, String programId, String tier, Instant effectiveAt, String causationId) {}
