package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.Consents;
import java.time.Instant;
import java.time.LocalDate;

/** Internal: a member joined the programme, with the profile and consents given at registration. */
public record MemberRegistered(
        MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents,
        Instant registeredAt) {}
