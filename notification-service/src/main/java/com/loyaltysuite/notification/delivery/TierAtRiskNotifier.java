package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.TierAtRisk;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warns a member that their tier validity ends soon and how much more would keep it (template
 * {@value TierAtRiskEmailTemplate#NAME}), so they can act before losing it. A warning consumed
 * once the validity has ended is recorded as skipped, not sent.
 */
@Component
public class TierAtRiskNotifier implements ResumableEmail {

    private final EmailNotifier emails;
    private final TierAtRiskEmailTemplate template;

    TierAtRiskNotifier(EmailNotifier emails, NotificationProperties properties) {
        this.emails = emails;
        this.template = new TierAtRiskEmailTemplate(properties);
    }

    /**
     * @param causationId the CloudEvent id of the TierAtRisk event
     * @return what became of the email ({@code WAITING_FOR_CONTACT} while the member's contact details
     *     are not known); empty when this event was already handled
     */
    public Optional<DeliveryStatus> notify(TierAtRisk risk, String causationId) {
        return emails.notify(risk, causationId, TierAtRiskEmailTemplate.NAME, risk.validUntil(), name -> template.render(name, risk));
    }

    @Override
    public String template() {
        return TierAtRiskEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.TIER_AT_RISK;
    }

    @Override
    public DeliveryStatus resume(NotificationDelivery waiting, IntegrationEvent event) {
        TierAtRisk risk = (TierAtRisk) event;
        return emails.resume(waiting, risk, risk.validUntil(), name -> template.render(name, risk));
    }
}
