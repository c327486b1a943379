package com.loyaltysuite.notification.messaging;

import com.loyaltysuite.events.notification.NotificationFailed;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.notification.delivery.DeliveryFailed;
import com.loyaltysuite.notification.delivery.DeliverySent;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What of the delivery outcomes other services see on {@code loyalty.notifications.v1}. */
@Configuration(proxyBeanMethods = false)
class NotificationEventMapper {

    @Bean
    IntegrationEventMappings notificationEvents() {
        return IntegrationEventMappings.builder()
                .map(DeliverySent.class, e -> new NotificationSent(
                        e.memberId(), e.programId(), e.notificationId(), e.channel(), e.template(), e.sentAt(),
                        e.causationId()))
                .map(DeliveryFailed.class, e -> new NotificationFailed(
                        e.memberId(), e.programId(), e.notificationId(), e.channel(), e.template(), e.reason(),
                        e.failedAt(), e.causationId()))
                .build();
    }
}
