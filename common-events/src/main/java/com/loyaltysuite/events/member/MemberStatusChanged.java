package com.loyaltysuite.events.member;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * A member's standing in the programme changed (active, frozen, closed). Published by member-service on
 * {@code loyalty.members.v1}. A frozen member earns and redeems nothing until unfrozen; a closed member's
 * points and benefits end as the programme rules say. {@code operator} is the staff member who decided it.
 */
public record MemberStatusChanged(
        MemberId memberId,
        String programId,
        MemberStatus status,
        MemberStatus previousStatus,
        String reason,
        String operator,
        Instant changedAt)
        implements IntegrationEvent {}
