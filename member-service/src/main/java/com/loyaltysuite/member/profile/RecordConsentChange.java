package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentPurpose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant or withdraw a member's consent to be contacted on one channel for one purpose, from
 * {@code source} ({@code member}, {@code staff:<operator>}). Recorded as a {@link ConsentChangeRecorded}
 * only when it changes the consent in force.
 */
public record RecordConsentChange(
        @TargetAggregateIdentifier MemberId memberId,
        Channel channel,
        ConsentPurpose purpose,
        boolean granted,
        String source) {

    /** A marketing consent, of unknown source. */
    public RecordConsentChange(MemberId memberId, Channel channel, boolean granted) {
        this(memberId, channel, ConsentPurpose.MARKETING, granted, null);
    }
}
