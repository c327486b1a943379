package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.points.PointsExpiring;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warns a member that some of their points expire soon (template
 * {@value PointsExpiringEmailTemplate#NAME}), so they can spend them first. A warning consumed
 * once the points have expired is recorded as skipped, not sent.
 */
@Component
public class PointsExpiringNotifier implements ResumableEmail {

    private final EmailNotifier emails;
    private final PointsExpiringEmailTemplate template;

    PointsExpiringNotifier(EmailNotifier emails, NotificationProperties properties) {
        this.emails = emails;
        this.template = new PointsExpiringEmailTemplate(properties);
    }

    /**
     * @param causationId the CloudEvent id of the PointsExpiring event
     * @return what became of the email ({@code WAITING_FOR_CONTACT} while the member's contact details
     *     are not known); empty when this event was already handled
     */
    public Optional<DeliveryStatus> notify(PointsExpiring expiring, String causationId) {
        return emails.notify(
                expiring, causationId, PointsExpiringEmailTemplate.NAME, expiring.expiresAt(), name -> template.render(name, expiring));
    }

    @Override
    public String template() {
        return PointsExpiringEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.POINTS_EXPIRING;
    }

    @Override
    public DeliveryStatus resume(NotificationDelivery waiting, IntegrationEvent event) {
        PointsExpiring expiring = (PointsExpiring) event;
        return emails.resume(waiting, expiring, expiring.expiresAt(), name -> template.render(name, expiring));
    }
}
