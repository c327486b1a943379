package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant or withdraw a member's consent to be contacted on one channel. Recorded as a
 * {@link ConsentChangeRecorded} only when it changes the consent in force.
 */
public record RecordConsentChange(@TargetAggregateIdentifier MemberId memberId, Channel channel, boolean granted) {}
