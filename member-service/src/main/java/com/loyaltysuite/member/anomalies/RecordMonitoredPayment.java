package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check a payment against the anomaly rules; recorded as a {@link MonitoredPaymentRecorded}, with an {@link AnomalyRecorded} per hit. */
public record RecordMonitoredPayment(
        MemberId memberId, String programId, OrderId orderId, Money amount, Instant paidAt, String causationId) {

    @TargetAggregateIdentifier
    public String monitorId() {
        return PaymentMonitor.idOf(memberId);
    }
}
