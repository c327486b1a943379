package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored, internal: the member's birthday (month and day only; the year is not kept), and the year whose
 * birthday gift is next, to be given at {@code nextGiftAt}.
 */
public record BirthdayNoted(MemberId memberId, String programId, int month, int day, int nextGiftYear, Instant nextGiftAt) {}
