package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages waiting for the member's contact details ({@link DeliveryStatus#WAITING_FOR_CONTACT}):
 * decided when the member's registration (or erasure) arrives, in the transaction that consumes it
 * (or skipped by {@link ContactWaitExpiry} when none came in time). Takes the member's lock first, as
 * parking does, so a delivery parked while the registration commits is still found.
 */
@Component
public class ContactWaits {

    private final NotificationDeliveryRepository deliveries;
    private final Notifier emails;
    private final Triggers triggers;

    ContactWaits(NotificationDeliveryRepository deliveries, Notifier emails, Triggers triggers, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.emails = emails;
        this.triggers = triggers;
        Gauge.builder("loyalty.notification.deliveries.waiting", deliveries, ContactWaits::waiting)
                .description("Deliveries waiting for the member's contact details")
                .register(meters);
    }

    /**
     * The member's contact details have arrived (or the member was erased): every delivery waiting for
     * them is decided as a fresh event would be (consent, address, too late, send). Joins the caller's
     * transaction, which wrote the contact.
     */
    @Transactional
    public void release(MemberId memberId) {
        deliveries.lockMember(memberId.value());
        for (NotificationDelivery waiting : deliveries.findByMemberIdAndStatusOrderByRecordedAtAscNotificationIdAsc(
                memberId.value(), DeliveryStatus.WAITING_FOR_CONTACT)) {
            Trigger template = triggers.named(waiting.template()).orElse(null);
            if (template == null) {
                emails.abandon(waiting, "template " + waiting.template() + " is no longer sent");
                continue;
            }
            IntegrationEvent event;
            try {
                event = CloudEventCodec.parseData(
                        template.eventType(), waiting.payload().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                emails.abandon(waiting, "the event it was about can no longer be read: " + e.getMessage());
                continue;
            }
            emails.resume(waiting, template, event);
        }
    }

    private static double waiting(NotificationDeliveryRepository deliveries) {
        return deliveries.countByStatus(DeliveryStatus.WAITING_FOR_CONTACT);
    }
}
