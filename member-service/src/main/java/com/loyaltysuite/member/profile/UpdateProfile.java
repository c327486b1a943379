package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change some of a member's profile: each field given (not null) is the new value, each null field stays
 * as it is. {@code mobile} in E.164 ({@link MobileNumbers}), {@code locale} a BCP 47 tag, {@code timeZone}
 * an IANA zone id. Recorded as a {@link ProfileChangeRecorded} naming the fields that really changed.
 */
public record UpdateProfile(
        @TargetAggregateIdentifier MemberId memberId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        String locale,
        String timeZone) {}
