package com.loyaltysuite.notification.delivery;

import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.codec.EventType;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message to configured recipients rather than to a member (the daily report, an anomaly alert): no
 * event payload, no contact, no consent, no quiet hours; its templates are filled with the facts on its
 * delivery row ({@link Notifier#recordForRecipients}).
 */
interface OperationalMessage extends Trigger {

    @Override
    default EventType eventType() {
        return null;
    }

    @Override
    default Purpose purpose() {
        return Purpose.TRANSACTIONAL;
    }

    @Override
    default boolean toMembers() {
        return false;
    }

    @Override
    default Map<String, Object> variables(IntegrationEvent event, Map<String, String> facts, ZoneId zone) {
        return new LinkedHashMap<>(facts);
    }
}
