package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored, internal: the tier's upgrade pack was given (its coupons are {@link CouponIssued} beside it) for
 * the tier's validity period ending {@code periodEndsAt}; it is not given again for the tier before then.
 */
public record UpgradePackGiven(MemberId memberId, String tier, Instant givenAt, Instant periodEndsAt, String causationId) {}
