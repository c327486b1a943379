package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remember that the member is in {@code status} from {@code changedAt} (business time) on, from
 * member-service's {@code MemberStatusChanged}. {@code causationId} is that event's id.
 */
public record RecordMemberStatus(
        @TargetAggregateIdentifier MemberId memberId,
        String programId,
        MemberStatus status,
        String reason,
        Instant changedAt,
        String causationId) {}
