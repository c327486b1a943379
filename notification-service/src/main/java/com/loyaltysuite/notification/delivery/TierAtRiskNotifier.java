package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.TierAtRisk;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warns a member that their tier ends soon and what would keep it (保级提醒, trigger
 * {@value TierAtRiskEmailTemplate#NAME}). A warning consumed or sent once the tier has ended is skipped.
 */
@Component
public class TierAtRiskNotifier implements Trigger {

    private final Notifier notifier;
    private final NotificationProperties properties;
    private final TierAtRiskEmailTemplate template;

    TierAtRiskNotifier(Notifier notifier, NotificationProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
        this.template = new TierAtRiskEmailTemplate(properties);
    }

    /** @param causationId the CloudEvent id of the TierAtRisk event */
    public void notify(TierAtRisk risk, String causationId) {
        notifier.notify(this, risk, causationId);
    }

    @Override
    public String name() {
        return TierAtRiskEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.TIER_AT_RISK;
    }

    @Override
    public Purpose purpose() {
        return Purpose.TRANSACTIONAL;
    }

    @Override
    public Instant actBy(IntegrationEvent event) {
        return ((TierAtRisk) event).validUntil();
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        TierAtRisk risk = (TierAtRisk) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("tier", properties.tierName(risk.tier()));
        variables.put("validUntil", EmailText.date(risk.validUntil(), zone));
        variables.put("qualifyingValue", TierAtRiskEmailTemplate.amount(risk.qualifyingValue(), RoundingMode.DOWN));
        variables.put("threshold", TierAtRiskEmailTemplate.amount(risk.retentionThreshold(), RoundingMode.UP));
        variables.put("gap", risk.gap().value().signum() > 0 ? TierAtRiskEmailTemplate.amount(risk.gap(), RoundingMode.UP) : "");
        return variables;
    }

    /** The Chinese email is still written in code; in another locale the template file is used. */
    @Override
    public Optional<MessageTemplates.Rendered> writtenInCode(
            Channel channel, String memberName, IntegrationEvent event, ZoneId zone) {
        if (channel != Channel.EMAIL || !MessageTemplates.DEFAULT_LOCALE.equals(properties.locale())) {
            return Optional.empty();
        }
        Email email = template.render(memberName, (TierAtRisk) event, zone);
        return Optional.of(new MessageTemplates.Rendered(email.subject(), email.body()));
    }
}
