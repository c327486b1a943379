package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.tier.TierChanged;
import com.loyaltysuite.notification.delivery.TierChangeNotifier;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tells members about their tier changes, as tier-service publishes them. */
@Component
class TierEventsListener {

    private final InboundEvents inbound;
    private final TierChangeNotifier notifier;

    TierEventsListener(InboundEvents inbound, TierChangeNotifier notifier) {
        this.inbound = inbound;
        this.notifier = notifier;
    }

    @KafkaListener(topics = Topics.TIERS)
    void onTierEvent(ConsumerRecord<String, byte[]> record) {
        inbound.apply("tier-change-email", record, envelope -> {
            if (envelope.data() instanceof TierChanged changed) {
                notifier.notify(changed, envelope.id());
            }
        });
    }
}
