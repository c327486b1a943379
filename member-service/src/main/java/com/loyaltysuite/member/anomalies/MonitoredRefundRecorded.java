package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/** Stored: a refund the monitor checked; what is up to {@code keepAfter} is let go. */
public record MonitoredRefundRecorded(
        MemberId memberId, String programId, MonitoredRefund refund, Instant keepAfter, String causationId) {}
