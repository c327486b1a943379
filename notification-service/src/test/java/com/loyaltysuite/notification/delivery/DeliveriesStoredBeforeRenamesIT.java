package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.Channel;
import com.loyaltysuite.events.IntegrationEvent;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Topics;
import com.loyaltysuite.events.codec.CloudEventCodec;
import com.loyaltysuite.events.codec.EventEnvelope;
import com.loyaltysuite.events.notification.NotificationFailed;
import com.loyaltysuite.events.notification.NotificationSent;
import com.loyaltysuite.testsupport.SharedKafka;
import com.loyaltysuite.testsupport.StoredEventRows;
import com.loyaltysuite.testsupport.TopicReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Delivery outcomes as the service stored them before they were renamed ({@code delivery.NotificationSent},
 * {@code delivery.NotificationFailed}; rows recorded from the former code in
 * {@code history/deliveries-before-renames.json}) still load as the current events, and the outbox
 * relay, which reads the store, still publishes them as the contract events with their ids. Its own
 * context, closed afterwards: a second consumer of the service's group must not outlive this class and
 * take records from the other test classes (this one has no mail server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
class DeliveriesStoredBeforeRenamesIT {

    static final String SENT_ID = "bc114698-1203-479b-a219-c86d1d885df9";
    static final String FAILED_ID = "3ced3e8e-9161-487d-9699-27cac41d7f91";
    static final MemberId MEMBER = MemberId.of("M-recorded-1");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStorageEngine storage;

    @Test
    void outcomesStoredUnderTheFormerNamesLoadAndArePublishedAsBefore() throws IOException {
        appendStoredRows("/history/deliveries-before-renames.json");

        Map<String, Object> stored = storedPayloads();
        assertThat(stored.get(SENT_ID)).isEqualTo(new DeliverySent(MEMBER, "default", "N-recorded-1", Channel.EMAIL,
                "tier-changed", Instant.parse("2026-11-23T10:00:05Z"), "evt-tier-1"));
        assertThat(stored.get(FAILED_ID)).isEqualTo(new DeliveryFailed(MEMBER, "default", "N-recorded-2", Channel.EMAIL,
                "points-expiring", "SMTP server refused the message: 550 no such user",
                Instant.parse("2026-11-24T09:00:05Z"), "evt-points-1"));

        try (TopicReader notifications = new TopicReader(SharedKafka.bootstrapServers(), Topics.NOTIFICATIONS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> published(notifications).keySet().containsAll(
                    List.of(SENT_ID, FAILED_ID)));
            Map<String, IntegrationEvent> published = published(notifications);
            assertThat(published.get(SENT_ID)).isEqualTo(new NotificationSent(MEMBER, "default", "N-recorded-1",
                    Channel.EMAIL, "tier-changed", Instant.parse("2026-11-23T10:00:05Z"), "evt-tier-1"));
            assertThat(published.get(FAILED_ID)).isEqualTo(new NotificationFailed(MEMBER, "default", "N-recorded-2",
                    Channel.EMAIL, "points-expiring", "SMTP server refused the message: 550 no such user",
                    Instant.parse("2026-11-24T09:00:05Z"), "evt-points-1"));
        }
    }

    /** The recorded events as the relay reads them from the store (through its upcasters), by event id. */
    private Map<String, Object> storedPayloads() {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            return events.filter(event -> List.of(SENT_ID, FAILED_ID).contains(event.getIdentifier()))
                    .collect(Collectors.toMap(TrackedEventMessage::getIdentifier, TrackedEventMessage::getPayload));
        }
    }

    /** The contract events published for the member, by ce_id. */
    private static Map<String, IntegrationEvent> published(TopicReader notifications) {
        return notifications.matching(TopicReader.keyed(MEMBER.value())).stream()
                .map(CloudEventCodec::fromRecord)
                .collect(Collectors.toMap(EventEnvelope::id, EventEnvelope::data, (first, again) -> first));
    }

    /** Appends the recorded rows to the event store as they were written: type names, payloads and all. */
    private void appendStoredRows(String resource) {
        StoredEventRows.append(jdbc.getDataSource(), getClass(), resource);
    }
}
