package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Note the member's own time zone (their profile's) from {@code changedAt} on, to judge the night hours
 * of their payments in; recorded as a {@link MonitoredTimeZoneRecorded}.
 */
public record RecordMonitoredTimeZone(
        MemberId memberId, String programId, String timeZone, Instant changedAt, String causationId) {

    @TargetAggregateIdentifier
    public String monitorId() {
        return PaymentMonitor.idOf(memberId);
    }
}
