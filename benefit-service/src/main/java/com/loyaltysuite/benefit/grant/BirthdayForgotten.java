package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored, internal: the member's birthday is no longer known (their personal data was erased); a pending
 * birthday timer then finds nothing to give and sets no further one.
 */
public record BirthdayForgotten(MemberId memberId, Instant at) {}
