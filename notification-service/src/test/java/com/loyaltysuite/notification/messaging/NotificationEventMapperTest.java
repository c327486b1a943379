package com.loyaltysuite.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventJson;
import com.loyaltysuite.events.codec.EventSchemas;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.events.notification.NotificationFailed;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.notification.delivery.DeliveryFailed;
import com.loyaltysuite.notification.delivery.DeliverySent;
import com.loyaltysuite.support.messaging.IntegrationEventMappings;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each stored delivery outcome and the contract event other services see: the mapped event is the
 * one expected, its JSON satisfies the contract's schema, and it reads back unchanged.
 */
class NotificationEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:05Z");

    final IntegrationEventMappings mapper = new NotificationEventMapper().notificationEvents();

    @Test
    void aSentDeliveryIsPublishedAsNotificationSent() throws IOException {
        var sent = new DeliverySent(MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", AT, "evt-1");

        assertThat(publishedAs(sent, EventType.NOTIFICATION_SENT))
                .isEqualTo(new NotificationSent(MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", AT, "evt-1"));
    }

    @Test
    void aFailedDeliveryIsPublishedAsNotificationFailed() throws IOException {
        var failed = new DeliveryFailed(
                MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", "550 no such user", AT, "evt-1");

        assertThat(publishedAs(failed, EventType.NOTIFICATION_FAILED))
                .isEqualTo(new NotificationFailed(
                        MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", "550 no such user", AT, "evt-1"));
    }

    @Test
    void otherEventsStayInside() {
        assertThat(mapper.toIntegrationEvent("something internal")).isEmpty();
    }

    /** The contract event, after checking that it is of {@code type} and that its JSON satisfies the schema. */
    private IntegrationEvent publishedAs(Object stored, EventType type) throws IOException {
        IntegrationEvent event = mapper.toIntegrationEvent(stored).orElseThrow();
        byte[] json = CloudEventCodec.toJson(event);
        assertThat(EventType.of(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.mapper().readTree(json))).isEmpty();
        return CloudEventCodec.parseData(type, json);
    }
}
