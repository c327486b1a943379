package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note the member's status from {@code changedAt} on, to check their payments against; recorded as a {@link MonitoredStatusRecorded}. */
public record RecordMonitoredStatus(
        MemberId memberId, String programId, MemberStatus status, Instant changedAt, String causationId) {

    @TargetAggregateIdentifier
    public String monitorId() {
        return PaymentMonitor.idOf(memberId);
    }
}
