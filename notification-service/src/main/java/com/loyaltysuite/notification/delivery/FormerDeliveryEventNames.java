package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.support.persistence.RenamedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The former class names of the delivery outcomes in the event store (the outbox the relay reads).
 * They shared their simple names with the contract events they are published as; a line stays here
 * for as long as events stored under the old name exist (ADR 6).
 */
@Configuration(proxyBeanMethods = false)
class FormerDeliveryEventNames {

    @Bean
    RenamedEvents renamedDeliveryEvents() {
        return RenamedEvents.builder()
                .renamed("com.loyaltysuite.notification.delivery.NotificationSent", DeliverySent.class)
                .renamed("com.loyaltysuite.notification.delivery.NotificationFailed", DeliveryFailed.class)
                .build();
    }
}
