package com.loyaltysuite.points.timers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.testsupport.SharedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Timers set before payloads were typed held a bare string. Migrated, each of points' kinds holds the
 * JSON record its route reads (with the service's ObjectMapper), the instant to the nanosecond; other
 * services' kinds and rows already in JSON are left as they were. PointsTimersIT fires a migrated row.
 */
class TimerPayloadMigrationIT {

    static final String SCHEMA = "points_timer_upgrade";
    static final Instant EXPIRES_AT = Instant.parse("2027-11-24T10:00:00.123456789Z");

    @Test
    void pointsStringPayloadsBecomeTheJsonRecordsTheirKindsRead() throws Exception {
        var coordinates = SharedDatabase.coordinates();
        var dataSource = new DriverManagerDataSource(coordinates.url(), coordinates.username(), coordinates.password());
        dataSource.setSchema(SCHEMA);
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/points");
        flyway.target(MigrationVersion.fromVersion("2")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        insert(jdbc, "points-available:M-1:O-1", "O-1");
        insert(jdbc, "points-expiring:M-1:" + EXPIRES_AT, EXPIRES_AT.toString());
        insert(jdbc, "points-expiry:M-1:" + EXPIRES_AT, EXPIRES_AT.toString());
        insert(jdbc, "points-reservation:M-1:rq-1", "rq-1");
        insert(jdbc, "points-reservation:M-2:rq-2", "{\"reservationId\":\"rq-2\"}");
        insert(jdbc, "tier-reevaluation:M-1:" + EXPIRES_AT, EXPIRES_AT.toString());

        flyway.target(MigrationVersion.LATEST).load().migrate();

        ObjectMapper json = serviceObjectMapper();
        assertThat(json.readValue(payload(jdbc, "points-available:M-1:O-1"), PointsTimers.OrderDue.class))
                .isEqualTo(new PointsTimers.OrderDue(OrderId.of("O-1")));
        assertThat(json.readValue(payload(jdbc, "points-expiring:M-1:" + EXPIRES_AT), PointsTimers.ExpiryDue.class))
                .isEqualTo(new PointsTimers.ExpiryDue(EXPIRES_AT));
        assertThat(json.readValue(payload(jdbc, "points-expiry:M-1:" + EXPIRES_AT), PointsTimers.ExpiryDue.class))
                .isEqualTo(new PointsTimers.ExpiryDue(EXPIRES_AT));
        assertThat(json.readValue(payload(jdbc, "points-reservation:M-1:rq-1"), PointsTimers.ReservationDue.class))
                .isEqualTo(new PointsTimers.ReservationDue("rq-1"));
        assertThat(payload(jdbc, "points-reservation:M-2:rq-2")).isEqualTo("{\"reservationId\":\"rq-2\"}");
        assertThat(payload(jdbc, "tier-reevaluation:M-1:" + EXPIRES_AT)).isEqualTo(EXPIRES_AT.toString());
    }

    /** What the service writes for a timer now reads the same as what the migration wrote. */
    @Test
    void theMigratedFormIsTheFormTheServiceWrites() throws Exception {
        ObjectMapper json = serviceObjectMapper();

        assertThat(json.readTree(json.writeValueAsString(new PointsTimers.ExpiryDue(EXPIRES_AT))))
                .isEqualTo(json.readTree("{\"expiresAt\": \"" + EXPIRES_AT + "\"}"));
        assertThat(json.readTree(json.writeValueAsString(new PointsTimers.OrderDue(OrderId.of("O-1")))))
                .isEqualTo(json.readTree("{\"orderId\": \"O-1\"}"));
    }

    private static void insert(JdbcTemplate jdbc, String key, String payload) {
        String[] parts = key.split(":", 3);
        jdbc.update(
                "insert into due_timer (kind, timer_key, member_id, due_at, payload) values (?, ?, ?, ?, ?)",
                parts[0], key, parts[1], Timestamp.from(EXPIRES_AT), payload);
    }

    private static String payload(JdbcTemplate jdbc, String key) {
        return jdbc.queryForObject("select payload from due_timer where timer_key = ?", String.class, key);
    }

    /** The ObjectMapper Spring Boot builds for the service, which DueTimers reads payloads with. */
    private static ObjectMapper serviceObjectMapper() {
        AtomicReference<ObjectMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> mapper.set(context.getBean(ObjectMapper.class)));
        return mapper.get();
    }
}
