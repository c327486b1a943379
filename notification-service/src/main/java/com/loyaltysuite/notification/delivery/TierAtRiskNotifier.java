package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.tier.TierAtRisk;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warns a member that their tier validity ends soon and how much more would keep it (template
 * {@value TierAtRiskEmailTemplate#NAME}), so they can act before losing it. A warning consumed
 * once the validity has ended is recorded as skipped, not sent.
 */
@Component
public class TierAtRiskNotifier {

    private final EmailNotifier emails;
    private final TierAtRiskEmailTemplate template;

    TierAtRiskNotifier(EmailNotifier emails, NotificationProperties properties) {
        this.emails = emails;
        this.template = new TierAtRiskEmailTemplate(properties);
    }

    /**
     * @param causationId the CloudEvent id of the TierAtRisk event
     * @return what became of the email; empty when this event was already handled
     */
    public Optional<DeliveryStatus> notify(TierAtRisk risk, String causationId) {
        return emails.notify(risk, causationId, TierAtRiskEmailTemplate.NAME, risk.validUntil(), name -> template.render(name, risk));
    }
}
