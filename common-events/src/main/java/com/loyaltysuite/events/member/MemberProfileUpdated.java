package com.loyaltysuite.events.member;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's profile changed; the event carries the whole new profile. Published by member-service
 * on {@code loyalty.members.v1}; consumed by notification-service.
 */
public record MemberProfileUpdated(
        MemberId memberId,
        String programId,
        String name,
        String mobile,
        String email,
        LocalDate birthday,
        Instant updatedAt)
        implements IntegrationEvent {}
