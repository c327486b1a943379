package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.points.PointsExpiring;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warns a member that some of their points expire soon (trigger
 * {@value PointsExpiringEmailTemplate#NAME}), so they can spend them first. A warning consumed or
 * sent once the points have expired is skipped.
 */
@Component
public class PointsExpiringNotifier implements Trigger {

    private final Notifier notifier;
    private final NotificationProperties properties;
    private final PointsExpiringEmailTemplate template;

    PointsExpiringNotifier(Notifier notifier, NotificationProperties properties) {
        this.notifier = notifier;
        this.properties = properties;
        this.template = new PointsExpiringEmailTemplate(properties);
    }

    /** @param causationId the CloudEvent id of the PointsExpiring event */
    public void notify(PointsExpiring expiring, String causationId) {
        notifier.notify(this, expiring, causationId);
    }

    @Override
    public String name() {
        return PointsExpiringEmailTemplate.NAME;
    }

    @Override
    public EventType eventType() {
        return EventType.POINTS_EXPIRING;
    }

    @Override
    public Purpose purpose() {
        return Purpose.TRANSACTIONAL;
    }

    @Override
    public Instant actBy(IntegrationEvent event) {
        return ((PointsExpiring) event).expiresAt();
    }

    @Override
    public Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        PointsExpiring expiring = (PointsExpiring) event;
        return Map.of("points", expiring.points(), "expiresAt", EmailText.date(expiring.expiresAt(), zone));
    }

    /** The Chinese email is still written in code; in another locale the template file is used. */
    @Override
    public Optional<MessageTemplates.Rendered> writtenInCode(
            Channel channel, String memberName, IntegrationEvent event, ZoneId zone) {
        if (channel != Channel.EMAIL || !MessageTemplates.DEFAULT_LOCALE.equals(properties.locale())) {
            return Optional.empty();
        }
        Email email = template.render(memberName, (PointsExpiring) event, zone);
        return Optional.of(new MessageTemplates.Rendered(email.subject(), email.body()));
    }
}
