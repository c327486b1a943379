package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member's status changed (member-service's {@code MemberStatusChanged}). */
public record NoteMemberStatus(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        MemberStatus status,
        Instant changedAt,
        String causationId) {}
