package com.loyaltysuite.points.standing;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;

/**
 * Internal: the member is in {@code status} from {@code effectiveAt} on (from a MemberStatusChanged).
 * What it means for earning and redeeming is {@link MemberStanding}'s.
 */
public record MemberStatusRecorded(
        MemberId memberId, String programId, MemberStatus status, String reason, Instant effectiveAt, String causationId) {}
