package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Internal: a member's consent on one channel changed to {@code granted}. */
public record ConsentChanged(MemberId memberId, String programId, Channel channel, boolean granted, Instant changedAt) {}
