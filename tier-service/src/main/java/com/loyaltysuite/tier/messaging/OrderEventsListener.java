package com.loyaltysuite.tier.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.events.tier.QualifyingValue;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.tier.membertier.RecordQualifyingOrder;
import com.loyaltysuite.tier.membertier.RecordRefund;
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

    OrderEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.ORDER_PAID)
    void onOrderPaid(ConsumerRecord<String, byte[]> record) {
        inbound.apply("qualifying-spend", record, envelope -> {
            if (envelope.data() instanceof OrderPaid paid) {
                commands.sendAndWait(new RecordQualifyingOrder(
                        paid.memberId(),
                        paid.programId(),
                        paid.orderId(),
                        new QualifyingValue(paid.amount().value(), paid.amount().currency()),
                        paid.paidAt(),
                        envelope.id()));
            }
        });
    }

    /**
     * A refund can overtake its order (another topic): the member's tier keeps it until the order is
     * counted, so it is not dead-lettered. Only a refund that can never count (another currency, a
     * negative amount) is.
     */
    @KafkaListener(topics = Topics.ORDER_REFUNDED)
    void onOrderRefunded(ConsumerRecord<String, byte[]> record) {
        inbound.apply("qualifying-refunds", record, envelope -> {
            if (envelope.data() instanceof OrderRefunded refunded) {
                commands.sendAndWait(new RecordRefund(
                        refunded.memberId(),
                        refunded.programId(),
                        refunded.orderId(),
                        refunded.refundId(),
                        new QualifyingValue(refunded.amount().value(), refunded.amount().currency()),
                        refunded.refundedAt(),
                        envelope.id()));
            }
        });
    }
}
