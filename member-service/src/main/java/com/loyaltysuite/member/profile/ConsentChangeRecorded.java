package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: a member's consent on one channel changed to {@code granted}. Published as the contract's
 * {@code ConsentChanged}. Stored before under the name {@code profile.ConsentChanged}
 * ({@link FormerMemberEventNames}).
 */
public record ConsentChangeRecorded(
        MemberId memberId, String programId, Channel channel, boolean granted, Instant changedAt) {}
