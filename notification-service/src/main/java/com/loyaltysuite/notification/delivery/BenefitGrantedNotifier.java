package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.benefit.BenefitGranted;
import com.loyaltysuite.events.codec.EventType;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells a member about a benefit they received (trigger {@code benefit-granted}: what it is, its
 * code and until when it is valid). Marketing: it waits for the end of quiet hours.
 */
@Component
public class BenefitGrantedNotifier implements Trigger {

    private final Notifier notifier;
    private final NotificationProperties properties;

    BenefitGrantedNotifier(Notifier notifier, NotificationProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
    }

    public void notify(BenefitGranted granted, String causationId) {
        notifier.notify(this, granted, causationId);
    }

    @Override
    public String name() {
        return "benefit-granted";
    }

    @Override
    public EventType eventType() {
        return EventType.BENEFIT_GRANTED;
    }

    @Override
    public Purpose purpose() {
        return Purpose.MARKETING;
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        BenefitGranted granted = (BenefitGranted) event;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("benefit", granted.description() == null ? granted.benefitCode() : granted.description());
        // a coupon's own code, which only its owner's grant carries; a standing benefit (free shipping,
        // member price) has none, and its catalogue code means nothing to the member
        variables.put(
                "code",
                granted.coupon() != null && granted.coupon().code() != null ? granted.coupon().code() : "");
        variables.put("tier", granted.tier() == null ? "" : properties.tierName(granted.tier()));
        variables.put("validUntil", granted.validUntil() == null ? "" : EmailText.date(granted.validUntil(), zone));
        return variables;
    }
}
