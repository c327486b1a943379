package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.RejectedEventException;
import com.loyaltysuite.tier.membertier.RecordQualifyingOrder;
import com.loyaltysuite.tier.membertier.UnqualifiableOrderException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns the order system's paid orders into qualifying spend on member tiers. */
@Component
class OrderEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;

    OrderEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.ORDER_PAID)
    void onOrderPaid(ConsumerRecord<String, byte[]> record) {
        inbound.apply("qualifying-spend", record, envelope -> {
            if (envelope.data() instanceof OrderPaid paid) {
                try {
                    commands.sendAndWait(new RecordQualifyingOrder(
                            paid.memberId(), paid.programId(), paid.orderId(), paid.amount(), paid.paidAt(), envelope.id()));
                } catch (UnqualifiableOrderException e) {
                    throw new RejectedEventException(e.getMessage());
                }
            }
        });
    }
}
