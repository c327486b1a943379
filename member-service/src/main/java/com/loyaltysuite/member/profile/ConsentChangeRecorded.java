package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.ConsentPurpose;
import java.time.Instant;

/**
 * Stored: a member's consent on one channel, for one purpose, changed to {@code granted}, from
 * {@code source}. Published as the contract's {@code ConsentChanged}. Stored before under the name
 * {@code profile.ConsentChanged} ({@link FormerMemberEventNames}); events stored before purposes existed
 * have none and are marketing consents, of unknown source.
 */
public record ConsentChangeRecorded(
        MemberId memberId,
        String programId,
        Channel channel,
        boolean granted,
        Instant changedAt,
        ConsentPurpose purpose,
        String source) {

    public ConsentChangeRecorded {
        purpose = purpose == null ? ConsentPurpose.MARKETING : purpose;
    }

    /** A marketing consent change of unknown source (the first form of this event). */
    public ConsentChangeRecorded(MemberId memberId, String programId, Channel channel, boolean granted, Instant changedAt) {
        this(memberId, programId, channel, granted, changedAt, ConsentPurpose.MARKETING, null);
    }
}
