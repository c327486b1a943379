package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.points.PointsExpiring;
import com.loyaltysuite.notification.delivery.PointsExpiringNotifier;
import com.loyaltysuite.support.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Warns members of points about to expire, as points-service publishes them. The other points
 * events (earned, redeemed, …) tell the member nothing they need to act on and are passed over.
 */
@Component
class PointsEventsListener {

    private final InboundEvents inbound;
    private final PointsExpiringNotifier expiring;

    PointsEventsListener(InboundEvents inbound, PointsExpiringNotifier expiring) {
        this.inbound = inbound;
        this.expiring = expiring;
    }

    @KafkaListener(topics = Topics.POINTS)
    void onPointsEvent(ConsumerRecord<String, byte[]> record) {
        inbound.apply("points-warnings", record, envelope -> {
            if (envelope.data() instanceof PointsExpiring warning) {
                expiring.notify(warning, envelope.id());
            }
        });
    }
}
