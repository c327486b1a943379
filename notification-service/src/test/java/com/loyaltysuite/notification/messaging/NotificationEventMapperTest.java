package com.loyaltysuite.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventType;
import com.loyaltysuite.notification.delivery.NotificationFailed;
import com.loyaltysuite.notification.delivery.NotificationSent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationEventMapperTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant AT = Instant.parse("2026-11-23T10:00:05Z");

    final NotificationEventMapper mapper = new NotificationEventMapper();

    @Test
    void aSentNotificationBecomesTheContractEventAndValidatesAgainstItsSchema() {
        IntegrationEvent event = mapper.toIntegrationEvent(
                        new NotificationSent(MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", AT, "evt-1"))
                .orElseThrow();

        assertThat(roundTrip(EventType.NOTIFICATION_SENT, event))
                .isEqualTo(new com.loyaltysuite.events.notification.NotificationSent(
                        MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", AT, "evt-1"));
    }

    @Test
    void aFailedNotificationBecomesTheContractEventAndValidatesAgainstItsSchema() {
        IntegrationEvent event = mapper.toIntegrationEvent(new NotificationFailed(
                        MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", "550 no such user", AT, "evt-1"))
                .orElseThrow();

        assertThat(roundTrip(EventType.NOTIFICATION_FAILED, event))
                .isEqualTo(new com.loyaltysuite.events.notification.NotificationFailed(
                        MEMBER, "default", "N-1", Channel.EMAIL, "tier-changed", "550 no such user", AT, "evt-1"));
    }

    @Test
    void otherEventsStayInside() {
        assertThat(mapper.toIntegrationEvent("something internal")).isEmpty();
    }

    private static IntegrationEvent roundTrip(EventType type, IntegrationEvent event) {
        return CloudEventCodec.parseData(type, CloudEventCodec.toJson(event));
    }
}
