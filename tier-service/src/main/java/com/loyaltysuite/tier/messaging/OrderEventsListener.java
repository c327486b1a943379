package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import com.loyaltysuite.tier.membertier.RecordQualifyingOrder;
import com.loyaltysuite.tier.membertier.ReduceQualifyingOrder;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Qualifying spend (basis SPEND, the default): the order system's paid and refunded orders. */
@Component
@ConditionalOnProperty(name = "loyalty.tier.basis", havingValue = "SPEND", matchIfMissing = true)
class OrderEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final InboundHandlers handlers;

    OrderEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
        this.handlers = InboundHandlers.builder()
                .on(OrderPaid.class, "qualifying-spend", this::recordOrder)
                .on(OrderRefunded.class, "qualifying-refunds", this::recordRefund)
                .build();
    }

    /** One listener for both topics: a member's paid and refunded orders reach the same consumer thread. */
    @KafkaListener(topics = {Topics.ORDER_PAID, Topics.ORDER_REFUNDED})
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome recordOrder(OrderPaid paid, String eventId) {
        commands.sendAndWait(new RecordQualifyingOrder(
                paid.memberId(),
                paid.programId(),
                paid.orderId(),
                new QualifyingValue(paid.amount().value(), paid.amount().currency()),
                paid.paidAt(),
                eventId));
        return Outcome.APPLIED;
    }

    /**
     * A refund can overtake its order (another topic): the member's tier keeps it until the order is
     * counted, so it is not dead-lettered. Only a refund that can never count (another currency, a
     * negative amount) is.
     */
    private Outcome recordRefund(OrderRefunded refunded, String eventId) {
        commands.sendAndWait(new ReduceQualifyingOrder(
                refunded.memberId(),
                refunded.programId(),
                refunded.orderId(),
                refunded.refundId(),
                new QualifyingValue(refunded.amount().value(), refunded.amount().currency()),
                refunded.refundedAt(),
                eventId));
        return Outcome.APPLIED;
    }
}
