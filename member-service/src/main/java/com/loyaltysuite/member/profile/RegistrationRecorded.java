package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stored: a member joined the programme, with the profile and consents given at registration.
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
        Instant registeredAt) {}
