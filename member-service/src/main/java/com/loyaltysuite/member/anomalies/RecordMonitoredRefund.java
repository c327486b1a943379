package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check a refund against the anomaly rules; recorded as a {@link MonitoredRefundRecorded}, with an {@link AnomalyRecorded} per hit. */
public record RecordMonitoredRefund(
        MemberId memberId,
        String programId,
        String refundId,
        OrderId orderId,
        Money amount,
        Instant refundedAt,
        String causationId) {

    @TargetAggregateIdentifier
    public String monitorId() {
        return PaymentMonitor.idOf(memberId);
    }
}
