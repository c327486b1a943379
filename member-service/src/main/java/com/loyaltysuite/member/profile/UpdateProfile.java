package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some of a member's profile: each field given (not null) is the new value, each null field stays
 * as it is. {@code mobile} in E.164 ({@link MobileNumbers}), {@code locale} a BCP 47 tag, {@code timeZone}
 * an IANA zone id, {@code preferredChannels} the channels the member wants to be told on (empty: any
 * they consented to). Recorded as a {@link ProfileChangeRecorded} naming the fields that really changed.
 */
public record UpdateProfile(
        @TargetAggregateIdentifier MemberId memberId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        String locale,
        String timeZone,
        List<Channel> preferredChannels) {

    /** Without preferred channels: they stay as they are. */
    public UpdateProfile(
            MemberId memberId, String name, String mobile, String email, LocalDate birthday, String locale, String timeZone) {
        this(memberId, name, mobile, email, birthday, locale, timeZone, null);
    }
}
