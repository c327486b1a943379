package com.loyaltysuite.events.member;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member joined the programme. Published by member-service on {@code loyalty.members.v1};
 * consumed by notification-service (contact projection) and benefit-service (birthdays).
 */
public record MemberRegistered(
        MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Consents consents,
        Instant registeredAt)
        implements IntegrationEvent {}
