package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Stored: the member's own time zone (an IANA id) from {@code changedAt} on, as member-service published it. */
public record MonitoredTimeZoneRecorded(
        MemberId memberId, String programId, String timeZone, Instant changedAt, String causationId) {}
