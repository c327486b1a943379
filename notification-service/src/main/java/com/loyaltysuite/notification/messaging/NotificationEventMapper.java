package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.notification.delivery.NotificationFailed;
import com.loyaltysuite.notification.delivery.NotificationSent;
import com.loyaltysuite.support.messaging.IntegrationEventMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What of the delivery outcomes other services see on {@code loyalty.notifications.v1}. */
@Component
class NotificationEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> toIntegrationEvent(Object payload) {
        if (payload instanceof NotificationSent e) {
            return Optional.of(new com.loyaltysuite.events.notification.NotificationSent(
                    e.memberId(),
                    e.programId(),
                    e.notificationId(),
                    e.channel(),
                    e.template(),
                    e.sentAt(),
                    e.causationId()));
        }
        if (payload instanceof NotificationFailed e) {
            return Optional.of(new com.loyaltysuite.events.notification.NotificationFailed(
                    e.memberId(),
                    e.programId(),
                    e.notificationId(),
                    e.channel(),
                    e.template(),
                    e.reason(),
                    e.failedAt(),
                    e.causationId()));
        }
        return Optional.empty();
    }
}
