package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.member.MemberStatusChanged;
import com.loyaltysuite.events.order.LineItem;
import com.loyaltysuite.events.order.OrderPaid;
import com.loyaltysuite.events.order.OrderRefunded;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.refund.RefundOutcome;
import com.loyaltysuite.points.refund.ReverseRefund;
import com.loyaltysuite.points.standing.RecordMemberStatus;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the order system's events, tier-service's tier changes and member-service's status changes
 * into commands on points accounts. One listener for all four topics: with the same key and partition count, a member's
 * records of every topic reach the same consumer thread, and one poll batch is one transaction.
 */
@Component
class InboundListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final InboundHandlers handlers;

    InboundListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
        this.handlers = InboundHandlers.builder()
                .on(OrderPaid.class, "earning", this::earn)
                .on(OrderRefunded.class, "reversal", this::reverse)
                .on(TierChanged.class, "tier-history", this::recordTier)
                .on(MemberStatusChanged.class, "member-status", this::recordStatus)
                .build();
    }

    @KafkaListener(topics = {Topics.ORDER_PAID, Topics.ORDER_REFUNDED, Topics.TIERS, Topics.MEMBERS})
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome earn(OrderPaid paid, String eventId) {
        commands.sendAndWait(new RecordEarning(
                paid.memberId(),
                paid.programId(),
                paid.orderId(),
                paid.amount(),
                paid.paidAt(),
                paid.channel(),
                paid.items().stream().map(LineItem::category).filter(Objects::nonNull).distinct().toList(),
                eventId));
        return Outcome.APPLIED;
    }

    /**
     * A refund of an order that earned nothing here is recorded on the account (and applied should the
     * order still come) and, once that is committed, dead-lettered with its reason for someone to look at.
     */
    private Outcome reverse(OrderRefunded refunded, String eventId) {
        RefundOutcome outcome = commands.sendAndWait(new ReverseRefund(
                refunded.memberId(),
                refunded.programId(),
                refunded.orderId(),
                refunded.refundId(),
                refunded.amount(),
                refunded.refundedAt(),
                eventId));
        if (outcome == RefundOutcome.UNKNOWN_ORDER) {
            return Outcome.rejected("Refund " + refunded.refundId() + " of unknown order " + refunded.orderId()
                    + ": no points were earned for it; recorded on the account");
        }
        return Outcome.APPLIED;
    }

    /**
     * Follows tier changes so earning can use the tier in force when an order was paid. Orders already
     * decided are never decided again; other tier events are of no interest here.
     */
    private Outcome recordTier(TierChanged changed, String eventId) {
        commands.sendAndWait(new RecordTierChange(
                changed.memberId(), changed.programId(), changed.toTier(), changed.effectiveAt(), eventId));
        return Outcome.APPLIED;
    }

    /**
     * Follows the member's status: a frozen member earns nothing (the points are withheld) and redeems
     * nothing; closing ends the points as the programme's rule says. Other member events (profiles,
     * consents) are of no interest here and are passed over on their type, undecoded.
     */
    private Outcome recordStatus(MemberStatusChanged changed, String eventId) {
        commands.sendAndWait(new RecordMemberStatus(
                changed.memberId(), changed.programId(), changed.status(), changed.reason(), changed.changedAt(), eventId));
        return Outcome.APPLIED;
    }
}
