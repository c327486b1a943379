package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored, internal: the birthday gift of {@code year} was given (its coupons are {@link CouponIssued}
 * beside it), or passed over ({@code given} false, e.g. the member was frozen); either way that year is
 * done, and the next one is due at {@code nextGiftAt} ({@code null}: none, the membership closed).
 */
public record BirthdayGiftGiven(
        MemberId memberId, int year, boolean given, String reason, Instant at, Instant nextGiftAt) {}
