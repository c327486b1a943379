package com.loyaltysuite.benefit.messaging;

import com.loyaltysuite.benefit.grant.GrantUpgradeGift;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns tier-service's tier changes into upgrade-gift commands on members' benefits. */
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
        inbound.apply("upgrade-gifts", record, envelope -> {
            // Types added to the topic later are not this reaction's business.
            if (envelope.data() instanceof TierChanged changed) {
                commands.sendAndWait(new GrantUpgradeGift(
                        changed.memberId(),
                        changed.programId(),
                        changed.toTier(),
                        changed.reason(),
                        changed.effectiveAt(),
                        envelope.id()));
            }
        });
    }
}
