package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;

/** Stored: the member's status from {@code changedAt} on, as member-service published it. */
public record MonitoredStatusRecorded(
        MemberId memberId, String programId, MemberStatus status, Instant changedAt, String causationId) {}
