package com.loyaltysuite.member.directory;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.events.member.PersonalData;
import com.loyaltysuite.member.profile.RegistrationRecorded;
import com.loyaltysuite.support.security.MaskedContact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's profile as support agents and other callers of the HTTP API see it; the contact details
 * are masked for callers who do not need them ({@link MaskedContact}). {@code preferredChannels}: the
 * channels the member wants to be told on; empty when they stated none (any they consented to).
 */
public record MemberView(
        MemberId memberId,
        String programId,
        String name,
        @JsonSerialize(using = MaskedContact.class) String mobile,
        @JsonSerialize(using = MaskedContact.class) String email,
        LocalDate birthday,
        String locale,
        String timeZone,
        Consents consents,
        MemberStatus status,
        Instant registeredAt,
        List<Channel> preferredChannels) {

    public MemberView {
        preferredChannels = preferredChannels == null ? List.of() : List.copyOf(preferredChannels);
    }

    /** With no preferred channels stated. */
    public MemberView(
            MemberId memberId,
            String programId,
            String name,
            String mobile,
            String email,
            LocalDate birthday,
            String locale,
            String timeZone,
            Consents consents,
            MemberStatus status,
            Instant registeredAt) {
        this(memberId, programId, name, mobile, email, birthday, locale, timeZone, consents, status, registeredAt,
                List.of());
    }

    /** The profile as it stands right after registration, before the projection has caught up. */
    public static MemberView of(RegistrationRecorded registered, PersonalData personal) {
        return new MemberView(
                registered.memberId(),
                registered.programId(),
                personal.name(),
                personal.mobile(),
                personal.email(),
                personal.birthday(),
                null,
                null,
                registered.consents(),
                MemberStatus.ACTIVE,
                registered.registeredAt());
    }
}
