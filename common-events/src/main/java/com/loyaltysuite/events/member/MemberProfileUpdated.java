package com.loyaltysuite.events.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's profile changed. Published by member-service on {@code loyalty.members.v1}; consumed by
 * notification-service. {@code changedFields} names the fields that changed ({@code name}, {@code mobile},
 * {@code email}, {@code birthday}, {@code locale}, {@code timeZone}); the other fields carry the whole
 * profile as it stands after the change. Events published before {@code changedFields} existed have
 * none (read: any field may have changed).
 *
 * <p>Personal fields travel sealed in {@code personalData} ({@link PersonalData} encrypted with the
 * member's data key, ADR 9); {@code name}, {@code mobile}, {@code email} and {@code birthday} are no
 * longer filled.
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String personalData)
        implements IntegrationEvent {

    public MemberProfileUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
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
        this(memberId, programId, name, mobile, email, birthday, updatedAt, null, null, List.of(), null);
    }
}
