package com.loyaltysuite.benefit.grant;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;

/** Stored, internal: the member's status (active, frozen, closed) from member-service. */
public record MemberStandingNoted(
        MemberId memberId, String programId, MemberStatus status, Instant changedAt, String causationId) {}
