package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.member.MemberRegistered;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Welcomes a member who registered (trigger {@code welcome}). Marketing: it waits for the end of quiet hours. */
@Component
public class WelcomeNotifier implements Trigger {

    private final Notifier notifier;

    WelcomeNotifier(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Called after the contact is written, in the same transaction, so the consent it carries applies. */
    public void notify(MemberRegistered registered, String causationId) {
        notifier.notify(this, registered, causationId);
    }

    @Override
    public String name() {
        return "welcome";
    }

    @Override
    public EventType eventType() {
        return EventType.MEMBER_REGISTERED;
    }

    @Override
    public Purpose purpose() {
        return Purpose.MARKETING;
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        return Map.of();
    }
}
