package com.loyaltysuite.member.profile;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;

/** Stored: a member's status changed, why and by whom. Published as the contract's {@code MemberStatusChanged}. */
public record StatusChangeRecorded(
        MemberId memberId,
        String programId,
        MemberStatus status,
        MemberStatus previousStatus,
        String reason,
        String operator,
        Instant changedAt) {}
