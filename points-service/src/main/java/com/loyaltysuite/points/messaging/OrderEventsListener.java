package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.order.LineItem;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.points.account.EarnPoints;
import com.loyaltysuite.points.account.RefundOutcome;
import com.loyaltysuite.points.account.ReverseRefundedPoints;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.RejectedEventException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
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
                commands.sendAndWait(new EarnPoints(
                        paid.memberId(),
                        paid.programId(),
                        paid.orderId(),
                        paid.amount(),
                        paid.paidAt(),
                        paid.channel(),
                        paid.items().stream().map(LineItem::category).filter(Objects::nonNull).distinct().toList(),
                        envelope.id()));
            }
        });
    }

    /**
     * A refund of an order that earned nothing here is recorded on the account (and applied should the
     * order still come) and, once that is committed, dead-lettered with its reason for someone to look at.
     */
    @KafkaListener(topics = Topics.ORDER_REFUNDED)
    void onOrderRefunded(ConsumerRecord<String, byte[]> record) {
        AtomicReference<OrderRefunded> unknown = new AtomicReference<>();
        inbound.apply("reversal", record, envelope -> {
            if (envelope.data() instanceof OrderRefunded refunded) {
                RefundOutcome outcome = commands.sendAndWait(new ReverseRefundedPoints(
                        refunded.memberId(),
                        refunded.programId(),
                        refunded.orderId(),
                        refunded.refundId(),
                        refunded.amount(),
                        refunded.refundedAt(),
                        envelope.id()));
                if (outcome == RefundOutcome.UNKNOWN_ORDER) {
                    unknown.set(refunded);
                }
            }
        });
        OrderRefunded refund = unknown.get();
        if (refund != null) {
            throw new RejectedEventException("Refund " + refund.refundId() + " of unknown order " + refund.orderId()
                    + ": no points were earned for it; recorded on the account");
        }
    }
}
