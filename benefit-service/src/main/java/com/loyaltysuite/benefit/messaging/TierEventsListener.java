package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.GrantUpgradeGift;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.messaging.InboundEvents;
import com.loyaltysuite.support.messaging.InboundHandlers;
import com.loyaltysuite.support.messaging.Outcome;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns tier-service's tier changes into upgrade-gift commands on members' benefits. Types added to
 * the topic later are not this reaction's business.
 */
@Component
class TierEventsListener {

    private final InboundEvents inbound;
    private final CommandGateway commands;
    private final InboundHandlers handlers;

    TierEventsListener(InboundEvents inbound, CommandGateway commands) {
        this.inbound = inbound;
        this.commands = commands;
        this.handlers = InboundHandlers.builder()
                .on(TierChanged.class, "upgrade-gifts", this::grantGift)
                .build();
    }

    @KafkaListener(topics = Topics.TIERS)
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome grantGift(TierChanged changed, String eventId) {
        commands.sendAndWait(new GrantUpgradeGift(
                changed.memberId(),
                changed.programId(),
                changed.toTier(),
                changed.reason(),
                changed.effectiveAt(),
                eventId));
        return Outcome.APPLIED;
    }
}
