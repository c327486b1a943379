package com.loyaltysuite.events.member;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member granted or withdrew consent to be contacted on one channel. Published by member-service on
 * {@code loyalty.members.v1}; notification-service stops or starts messages on that channel.
 */
public record ConsentChanged(MemberId memberId, String programId, Channel channel, boolean granted, Instant changedAt)
        implements IntegrationEvent {}
