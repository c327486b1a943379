package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.support.timers.DueTimer;
import com.loyaltysuite.support.timers.DueTimerHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Skips a delivery still waiting for the member's contact details when
 * {@code loyalty.notification.contact-wait} has passed (timer {@value EmailNotifier#CONTACT_WAIT_EXPIRY},
 * keyed per delivery, payload = the delivery's id). It publishes nothing, as no skipped delivery
 * does: nothing was offered to a provider. Takes the member's lock first, so it never races a
 * registration releasing the same delivery.
 */
@Component
class ContactWaitExpiry implements DueTimerHandler {

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

    @Override
    public String kind() {
        return EmailNotifier.CONTACT_WAIT_EXPIRY;
    }

    /** Idempotent: a delivery decided meanwhile (or already skipped) is left as it is. */
    @Override
    public void fire(DueTimer timer) {
        deliveries.lockMember(timer.memberId().value());
        deliveries.findById(timer.payload()).filter(NotificationDelivery::waiting).ifPresent(waiting -> {
            waiting.decided(
                    DeliveryStatus.SKIPPED,
                    "no contact known within " + properties.contactWaitText(),
                    null,
                    clock.instant());
            deliveries.saveAndFlush(waiting);
            EmailNotifier.count(meters, waiting.template(), DeliveryStatus.SKIPPED);
        });
    }
}
