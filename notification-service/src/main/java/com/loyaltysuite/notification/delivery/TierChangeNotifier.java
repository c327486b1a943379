package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.TierChanged;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Emails a member whose tier changed (template {@value TierChangeEmailTemplate#NAME}). */
@Component
public class TierChangeNotifier implements ResumableEmail {

    private final EmailNotifier emails;
    private final TierChangeEmailTemplate template;

    TierChangeNotifier(EmailNotifier emails, NotificationProperties properties) {
        this.emails = emails;
        this.template = new TierChangeEmailTemplate(properties);
    }

    /**
     * @param causationId the CloudEvent id of the TierChanged event
     * @return what became of the email ({@code WAITING_FOR_CONTACT} while the member's contact details
     *     are not known); empty when this event was already handled
     */
    public Optional<DeliveryStatus> notify(TierChanged change, String causationId) {
        return emails.notify(change, causationId, TierChangeEmailTemplate.NAME, name -> template.render(name, change));
    }

    @Override
    public String template() {
        return TierChangeEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.TIER_CHANGED;
    }

    @Override
    public DeliveryStatus resume(NotificationDelivery waiting, IntegrationEvent event) {
        TierChanged change = (TierChanged) event;
        return emails.resume(waiting, change, null, name -> template.render(name, change));
    }
}
