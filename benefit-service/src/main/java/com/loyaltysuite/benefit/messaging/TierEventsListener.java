package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.ApplyTierChange;
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
 * Turns tier-service's tier changes into commands on members' benefits: standing benefits follow the tier
 * both ways, a promotion may bring the upgrade pack. Types added to the topic later are not this
 * reaction's business. The inbox reaction keeps its first name, {@code upgrade-gifts}, for good.
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
                .on(TierChanged.class, "upgrade-gifts", this::applyTierChange)
                .build();
    }

    @KafkaListener(topics = Topics.TIERS)
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        inbound.apply(records, handlers);
    }

    private Outcome applyTierChange(TierChanged changed, String eventId) {
        commands.sendAndWait(new ApplyTierChange(
                changed.memberId(),
                changed.programId(),
                changed.fromTier(),
                changed.toTier(),
                changed.reason(),
                changed.effectiveAt(),
                changed.validUntil(),
                eventId));
        return Outcome.APPLIED;
    }
}
