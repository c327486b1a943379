package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.points.account.EarnPoints;
import com.loyaltysuite.points.earning.UnsupportedCurrencyException;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.RejectedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns the order system's events into commands on points accounts. */
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
        inbound.apply("earning", record, envelope -> {
            if (envelope.data() instanceof OrderPaid paid) {
                try {
                    commands.sendAndWait(new EarnPoints(
                            paid.memberId(), paid.programId(), paid.orderId(), paid.amount(), paid.paidAt(), envelope.id()));
                } catch (UnsupportedCurrencyException e) {
                    throw new RejectedEventException(e.getMessage());
                }
            }
        });
    }
}
