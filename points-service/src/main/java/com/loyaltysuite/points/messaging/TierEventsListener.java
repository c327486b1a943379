package com.loyaltysuite.points.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.points.account.RecordTierChange;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows tier changes so earning can use the tier in force when an order was paid. Orders already
 * decided are never decided again; other tier events are of no interest here.
 */
@Component
class TierEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;

    TierEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.TIERS)
    void onTierEvent(ConsumerRecord<String, byte[]> record) {
        inbound.apply("tier-history", record, envelope -> {
            if (envelope.data() instanceof TierChanged changed) {
                commands.sendAndWait(new RecordTierChange(
                        changed.memberId(), changed.programId(), changed.toTier(), changed.effectiveAt(), envelope.id()));
            }
        });
    }
}
