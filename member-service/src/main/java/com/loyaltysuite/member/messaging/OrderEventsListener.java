package com.loyaltysuite.member.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.member.MemberProfileUpdated;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.member.anomalies.RecordMonitoredPayment;
import com.loyaltysuite.member.anomalies.RecordMonitoredRefund;
import com.loyaltysuite.member.anomalies.RecordMonitoredStatus;
import com.loyaltysuite.member.anomalies.RecordMonitoredTimeZone;
import com.loyaltysuite.member.segments.RecordSegmentOrder;
import com.loyaltysuite.member.segments.RecordSegmentRefund;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The order system's paid and refunded orders, for each member's RFM segment and for anomaly
 * monitoring, and the member's status changes from this service's own topic, which payments are
 * checked against. One listener for the three topics: with the same key and partition count, a
 * member's records reach the same consumer thread, and one poll batch is one transaction.
 */
@Component
class OrderEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final InboundHandlers handlers;

    OrderEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
        // Both order types share one reaction: the inbox deduplicates per reaction and event id.
        this.handlers = InboundHandlers.builder()
                .on(OrderPaid.class, "member-analytics", this::paid)
                .on(OrderRefunded.class, "member-analytics", this::refunded)
                .on(MemberStatusChanged.class, "payment-monitoring-status", this::statusChanged)
                .on(MemberProfileUpdated.class, "payment-monitoring-zone", this::profileUpdated)
                .build();
    }

    @KafkaListener(topics = {Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.MEMBERS})
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome paid(OrderPaid paid, String eventId) {
        commands.sendAndWait(new RecordSegmentOrder(
                paid.memberId(), paid.programId(), paid.orderId(), paid.amount(), paid.paidAt(), eventId));
        commands.sendAndWait(new RecordMonitoredPayment(
                paid.memberId(), paid.programId(), paid.orderId(), paid.amount(), paid.paidAt(), eventId));
        return Outcome.APPLIED;
    }

    private Outcome refunded(OrderRefunded refunded, String eventId) {
        commands.sendAndWait(new RecordSegmentRefund(
                refunded.memberId(),
                refunded.programId(),
                refunded.orderId(),
                refunded.refundId(),
                refunded.amount(),
                refunded.refundedAt(),
                eventId));
        commands.sendAndWait(new RecordMonitoredRefund(
                refunded.memberId(),
                refunded.programId(),
                refunded.refundId(),
                refunded.orderId(),
                refunded.amount(),
                refunded.refundedAt(),
                eventId));
        return Outcome.APPLIED;
    }

    /**
     * The member's own time zone, for the night hours of their payments: noted when it changed (or when an
     * old event does not say what changed). Other profile fields are of no interest here; the personal
     * ones stay sealed.
     */
    private Outcome profileUpdated(MemberProfileUpdated updated, String eventId) {
        boolean zoneMayHaveChanged =
                updated.changedFields().isEmpty() || updated.changedFields().contains("timeZone");
        if (updated.timeZone() != null && updated.updatedAt() != null && zoneMayHaveChanged) {
            commands.sendAndWait(new RecordMonitoredTimeZone(
                    updated.memberId(), updated.programId(), updated.timeZone(), updated.updatedAt(), eventId));
        }
        return Outcome.APPLIED;
    }

    /** Other events on the member topic are of no interest here (passed over undecoded). */
    private Outcome statusChanged(MemberStatusChanged changed, String eventId) {
        commands.sendAndWait(new RecordMonitoredStatus(
                changed.memberId(), changed.programId(), changed.status(), changed.changedAt(), eventId));
        return Outcome.APPLIED;
    }
}
