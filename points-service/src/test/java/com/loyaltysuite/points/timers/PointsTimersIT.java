package com.loyaltysuite.points.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.PointsTestClock;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.expiry.DuePointsExpired;
import com.loyaltysuite.points.expiry.ExpiryPolicy;
import com.loyaltysuite.testsupport.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A timer written before payloads were typed, migrated, fires in the running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsTimersIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStorageEngine events;

    @Autowired
    ExpiryPolicy expiry;

    @Autowired
    MutableClock clock;

    @Test
    void anExpiryTimerWithAPlainStringPayloadIsMigratedAndFires() {
        String member = "M-timer-" + UUID.randomUUID();
        // Earned a day short of twelve months ago: its lot expires tomorrow (its warning is already due).
        Instant paidAt = clock.instant().minus(Duration.ofDays(364)).truncatedTo(ChronoUnit.SECONDS);
        commands.sendAndWait(new RecordEarning(
                MemberId.of(member), "default", OrderId.of("O-1"), Money.of("80.00", "CNY"), paidAt, "APP", List.of(), "evt-1"));
        Instant expiresAt = expiry.expiresAt(paidAt);
        String key = "points-expiry:" + member + ":" + expiresAt;
        // As a release before typed payloads wrote it: the bare instant.
        assertThat(jdbc.update("update due_timer set payload = ? where timer_key = ?", expiresAt.toString(), key)).isOne();

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/points/V3__timer_payloads_as_json.sql"))
                .execute(dataSource);

        assertThat(jdbc.queryForObject("select payload from due_timer where timer_key = ?", String.class, key))
                .isEqualTo("{\"expiresAt\": \"" + expiresAt + "\"}");
        jdbc.update("update due_timer set due_at = ? where timer_key = ?", Timestamp.from(clock.instant()), key);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.readEvents(member).asStream()
                        .map(DomainEventMessage::getPayload)
                        .filter(DuePointsExpired.class::isInstance)
                        .map(DuePointsExpired.class::cast)
                        .toList())
                .singleElement()
                .satisfies(expired -> {
                    assertThat(expired.points()).isEqualTo(80);
                    assertThat(expired.expiredAt()).isEqualTo(expiresAt);
                }));
        assertThat(jdbc.queryForObject("select fired_at is not null from due_timer where timer_key = ?", Boolean.class, key))
                .isTrue();
    }
}
