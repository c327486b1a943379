package com.loyaltysuite.events.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's profile changed. Published by member-service on {@code loyalty.members.v1}; consumed by
 * notification-service. {@code changedFields} names the fields that changed ({@code name}, {@code mobile},
 * {@code email}, {@code birthday}, {@code locale}, {@code timeZone}, {@code preferredChannels}); the other fields carry the whole
 * profile as it stands after the change. Events published before {@code changedFields} existed have
 * none (read: any field may have changed).
 *
 * <p>Personal fields travel sealed in {@code personalData} ({@link PersonalData} encrypted with the
 * member's data key, ADR 9); {@code name}, {@code mobile}, {@code email} and {@code birthday} are no
 * longer filled. {@code preferredChannels}, when the member stated any, are the channels they want to
 * be told on; absent (or empty) means any channel they consented to.
 */
public record MemberProfileUpdated(
        MemberId memberId,
        String programId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        String mobile,
        String email,
        LocalDate birthday,
        Instant updatedAt,
        String locale,
        String timeZone,
        List<String> changedFields,
        @JsonInclude(JsonInclude.Include.NON_NULL) String personalData,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Channel> preferredChannels)
        implements IntegrationEvent {

    public MemberProfileUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        preferredChannels = preferredChannels == null ? List.of() : List.copyOf(preferredChannels);
    }

    /** Without preferred channels (the form of this event before members could state them). */
    public MemberProfileUpdated(
            MemberId memberId,
            String programId,
            String name,
            String mobile,
            String email,
            LocalDate birthday,
            Instant updatedAt,
            String locale,
            String timeZone,
            List<String> changedFields,
            String personalData) {
        this(memberId, programId, name, mobile, email, birthday, updatedAt, locale, timeZone, changedFields,
                personalData, List.of());
    }

    /** The whole profile, without saying what changed (the first form of this event). */
    public MemberProfileUpdated(
            MemberId memberId,
            String programId,
            String name,
            String mobile,
            String email,
            LocalDate birthday,
            Instant updatedAt) {
        this(memberId, programId, name, mobile, email, birthday, updatedAt, null, null, List.of(), null, List.of());
    }
}
