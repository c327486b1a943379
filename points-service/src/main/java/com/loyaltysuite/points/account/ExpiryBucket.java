package com.loyaltysuite.points.account;

import java.time.Instant;

/** Unspent points that expire at one instant. */
public record ExpiryBucket(Instant expiresAt, long points) {}
