package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.MemberId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Skips a delivery still waiting for the member's contact details when
 * {@code loyalty.notification.contact-wait} has passed (its {@link ContactWaitTimer} came due). It
 * publishes nothing, as no skipped delivery does: nothing was offered to a provider. Takes the
 * member's lock first, so it never races a registration releasing the same delivery.
 */
@Component
public class ContactWaitExpiry {

    private final NotificationDeliveryRepository deliveries;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ContactWaitExpiry(
            NotificationDeliveryRepository deliveries,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Idempotent: a delivery decided meanwhile (or already skipped) is left as it is. */
    public void expire(MemberId member, String notificationId) {
        deliveries.lockMember(member.value());
        deliveries.findById(notificationId).filter(NotificationDelivery::waiting).ifPresent(waiting -> {
            waiting.decided(
                    DeliveryStatus.SKIPPED,
                    "no contact known within " + properties.contactWaitText(),
                    null,
                    clock.instant());
            deliveries.saveAndFlush(waiting);
            Notifier.count(meters, waiting.channel(), waiting.template(), DeliveryStatus.SKIPPED);
        });
    }
}
