package com.loyaltysuite.tier.membertier;

import java.time.Instant;

/** A tier assigned by support (e.g. VIP for a strategic account), audited with who and why. */
public record ManualTier(
        String tier, ManualMode mode, String reason, String operatorId, Instant until, Instant assignedAt) {}
