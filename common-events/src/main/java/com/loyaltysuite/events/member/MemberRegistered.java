package com.loyaltysuite.events.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member joined the programme. Published by member-service on {@code loyalty.members.v1};
 * consumed by notification-service (contact projection) and benefit-service (birthdays).
 *
 * <p>Personal fields travel sealed in {@code personalData} ({@link PersonalData} encrypted with the
 * member's data key, ADR 9); {@code name}, {@code mobile}, {@code email} and {@code birthday} are no
 * longer filled (events published before sealing have them in clear, and no {@code personalData}).
 */
public record MemberRegistered(
        MemberId memberId,
        String programId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents,
        Instant registeredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String personalData)
        implements IntegrationEvent {

    /** With the personal fields in clear (the first form of this event). */
    public MemberRegistered(
            MemberId memberId,
            String programId,
            String name,
            String mobile,
            String email,
            LocalDate birthday,
            Consents consents,
            Instant registeredAt) {
        this(memberId, programId, name, mobile, email, birthday, consents, registeredAt, null);
    }
}
