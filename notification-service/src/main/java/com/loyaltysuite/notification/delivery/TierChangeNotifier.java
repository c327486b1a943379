package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.tier.TierChanged;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells a member whose tier changed (trigger {@value TierChangeEmailTemplate#NAME}): up (恭喜您升级为…)
 * or down (您的会员等级已调整为…, with the qualifying value they have towards the tier they left).
 */
@Component
public class TierChangeNotifier implements Trigger {

    private final Notifier notifier;
    private final NotificationProperties properties;
    private final TierChangeEmailTemplate template;

    TierChangeNotifier(Notifier notifier, NotificationProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
        this.template = new TierChangeEmailTemplate(properties);
    }

    /** @param causationId the CloudEvent id of the TierChanged event */
    public void notify(TierChanged change, String causationId) {
        notifier.notify(this, change, causationId);
    }

    @Override
    public String name() {
        return TierChangeEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.TIER_CHANGED;
    }

    @Override
    public Purpose purpose() {
        return Purpose.TRANSACTIONAL;
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        TierChanged change = (TierChanged) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fromTier", properties.tierName(change.fromTier()));
        variables.put("toTier", properties.tierName(change.toTier()));
        variables.put("upgrade", template.isUpgrade(change.fromTier(), change.toTier()));
        variables.put("validUntil", change.validUntil() == null ? "" : EmailText.date(change.validUntil(), zone));
        variables.put("qualifyingValue", change.qualifyingValue() == null
                ? ""
                : TierAtRiskEmailTemplate.amount(change.qualifyingValue(), java.math.RoundingMode.DOWN));
        // On a demotion: what regains the lost tier within the qualifying window (absent in older events).
        boolean regain = template.regainSentence(change) != null;
        variables.put("regainTier", regain ? properties.tierName(change.toRegain().tier()) : "");
        variables.put("regainMissing", regain ? TierChangeEmailTemplate.regainAmount(change.toRegain()) : "");
        variables.put("regainByPoints", regain && "POINTS".equalsIgnoreCase(change.toRegain().unit()));
        return variables;
    }

    /** The Chinese email is still written in code; in another locale the template file is used. */
    @Override
    public Optional<MessageTemplates.Rendered> writtenInCode(
            Channel channel, String memberName, IntegrationEvent event, ZoneId zone) {
        if (channel != Channel.EMAIL || !MessageTemplates.DEFAULT_LOCALE.equals(properties.locale())) {
            return Optional.empty();
        }
        Email email = template.render(memberName, (TierChanged) event, zone);
        return Optional.of(new MessageTemplates.Rendered(email.subject(), email.body()));
    }
}
