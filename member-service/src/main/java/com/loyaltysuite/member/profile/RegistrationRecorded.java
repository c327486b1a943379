package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import com.loyaltysuite.events.member.PersonalData;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stored: a member joined the programme, with the profile and consents given at registration. The
 * personal fields are sealed in {@code personalData} with the member's data key (ADR 9); {@code name},
 * {@code mobile}, {@code email} and {@code birthday} are only filled in events stored before sealing.
 * Published as the contract's {@code MemberRegistered}. Stored before under the name
 * {@code profile.MemberRegistered} ({@link FormerMemberEventNames}).
 */
public record RegistrationRecorded(
        MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents,
        Instant registeredAt,
        String personalData) {

    /** With the personal fields in clear: how registrations were stored before sealing. */
    public RegistrationRecorded(
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

    /** The personal fields stored in clear, by registrations stored before sealing; null for sealed ones. */
    public PersonalData clearPersonalData() {
        return personalData == null ? new PersonalData(name, mobile, email, birthday) : null;
    }
}
