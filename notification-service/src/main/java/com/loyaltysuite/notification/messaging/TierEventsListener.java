package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.tier.TierAtRisk;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.delivery.TierAtRiskNotifier;
import com.loyaltysuite.notification.delivery.TierChangeNotifier;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells members about their tier changes and warns them of a tier at risk, as tier-service publishes them. */
@Component
class TierEventsListener {

    private final InboundEvents inbound;
    private final TierChangeNotifier changes;
    private final TierAtRiskNotifier risks;

    TierEventsListener(InboundEvents inbound, TierChangeNotifier changes, TierAtRiskNotifier risks) {
        this.inbound = inbound;
        this.changes = changes;
        this.risks = risks;
    }

    /**
     * One reaction for both types: each event has its own id, and the reaction keeps the name it had
     * before the warnings so that no TierChanged already consumed is taken for a new one.
     */
    @KafkaListener(topics = Topics.TIERS)
    void onTierEvent(ConsumerRecord<String, byte[]> record) {
        inbound.apply("tier-change-email", record, envelope -> {
            if (envelope.data() instanceof TierChanged changed) {
                changes.notify(changed, envelope.id());
            } else if (envelope.data() instanceof TierAtRisk risk) {
                risks.notify(risk, envelope.id());
            }
        });
    }
}
