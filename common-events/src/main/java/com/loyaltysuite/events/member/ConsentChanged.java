package com.loyaltysuite.events.member;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member granted or withdrew consent to be contacted on one channel for one purpose. Published by
 * member-service on {@code loyalty.members.v1}; notification-service stops or starts messages on that
 * channel. {@code purpose} is absent in events published before purposes existed: read it as
 * {@link ConsentPurpose#MARKETING}. {@code source} says where the change came from ({@code registration},
 * {@code member}, {@code staff:<operator>}); absent in older events.
 */
public record ConsentChanged(
        MemberId memberId,
        String programId,
        Channel channel,
        boolean granted,
        Instant changedAt,
        ConsentPurpose purpose,
        String source)
        implements IntegrationEvent {

    public ConsentChanged {
        purpose = purpose == null ? ConsentPurpose.MARKETING : purpose;
    }

    /** A marketing consent change of unknown source (the first form of this event). */
    public ConsentChanged(MemberId memberId, String programId, Channel channel, boolean granted, Instant changedAt) {
        this(memberId, programId, channel, granted, changedAt, ConsentPurpose.MARKETING, null);
    }
}
