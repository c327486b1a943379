package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;

/**
 * Stored: a payment the monitor checked. Payments, refunds and fired windows up to {@code keepAfter}
 * are let go: no rule's window reaches back that far.
 */
public record MonitoredPaymentRecorded(
        MemberId memberId, String programId, MonitoredPayment payment, Instant keepAfter, String causationId) {}
