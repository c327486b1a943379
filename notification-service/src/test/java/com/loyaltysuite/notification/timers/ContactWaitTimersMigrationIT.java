package com.loyaltysuite.notification.timers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.notification.timers.NotificationTimers.ContactWaitDue;
import com.loyaltysuite.testsupport.SharedDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V3 turns the contact-wait timers the former code wrote (payload = the bare notification id, key =
 * kind:id) into the typed form (payload = ContactWaitDue as JSON, key = kind:member:id), in a schema
 * of its own of the test database, migrated up to V2 first. The payload is read back as DueTimers reads
 * it, with Jackson into the kind's payload type.
 */
class ContactWaitTimersMigrationIT {

    static final String SCHEMA = "notification_v3_upgrade";
    static final Instant DUE = Instant.parse("2026-12-08T23:16:20.732791Z");

    final ObjectMapper json = new ObjectMapper();

    @Test
    void formerContactWaitPayloadsBecomeTheTypedPayloadAndKey() throws Exception {
        SharedDatabase.Coordinates db = SharedDatabase.coordinates();
        DriverManagerDataSource upgraded = new DriverManagerDataSource(db.url(), db.username(), db.password());
        upgraded.setSchema(SCHEMA);
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(upgraded)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .outOfOrder(true)
                .locations("classpath:db/migration/common", "classpath:db/migration/notification");
        flyway.target(MigrationVersion.fromVersion("2")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(upgraded);
        // As the former code wrote them: a pending timer, one that fired, and another kind's; and one
        // already in the typed form, which is left alone.
        insert(jdbc, "contact-wait-expiry", "contact-wait-expiry:0ef0e8a4-249c-4fc4-b73c-f43c96bf5331", "M-recorded-2",
                "0ef0e8a4-249c-4fc4-b73c-f43c96bf5331", null);
        insert(jdbc, "contact-wait-expiry", "contact-wait-expiry:N-fired", "M-recorded-3", "N-fired", DUE);
        insert(jdbc, "some-other-kind", "some-other-kind:x", "M-recorded-2", "x", null);
        insert(jdbc, "contact-wait-expiry", "contact-wait-expiry:M-typed:N-typed", "M-typed",
                "{\"notificationId\":\"N-typed\"}", null);

        flyway.target(MigrationVersion.LATEST).load().migrate();

        Map<String, Object> pending = row(jdbc, "M-recorded-2", "contact-wait-expiry");
        assertThat(pending.get("timer_key"))
                .isEqualTo("contact-wait-expiry:M-recorded-2:0ef0e8a4-249c-4fc4-b73c-f43c96bf5331");
        assertThat(json.readValue((String) pending.get("payload"), ContactWaitDue.class))
                .isEqualTo(new ContactWaitDue("0ef0e8a4-249c-4fc4-b73c-f43c96bf5331"));
        assertThat(((Timestamp) pending.get("due_at")).toInstant()).isEqualTo(DUE);
        Map<String, Object> fired = row(jdbc, "M-recorded-3", "contact-wait-expiry");
        assertThat(fired.get("timer_key")).isEqualTo("contact-wait-expiry:M-recorded-3:N-fired");
        assertThat(json.readValue((String) fired.get("payload"), ContactWaitDue.class))
                .isEqualTo(new ContactWaitDue("N-fired"));
        assertThat(row(jdbc, "M-recorded-2", "some-other-kind"))
                .containsEntry("timer_key", "some-other-kind:x")
                .containsEntry("payload", "x");
        assertThat(row(jdbc, "M-typed", "contact-wait-expiry"))
                .containsEntry("timer_key", "contact-wait-expiry:M-typed:N-typed")
                .containsEntry("payload", "{\"notificationId\":\"N-typed\"}");
    }

    private static void insert(JdbcTemplate jdbc, String kind, String key, String member, String payload, Instant firedAt) {
        jdbc.update(
                "insert into due_timer (kind, timer_key, member_id, due_at, payload, fired_at) values (?, ?, ?, ?, ?, ?)",
                kind, key, member, Timestamp.from(DUE), payload, firedAt == null ? null : Timestamp.from(firedAt));
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String member, String kind) {
        return jdbc.queryForMap(
                "select timer_key, payload, due_at from due_timer where member_id = ? and kind = ?", member, kind);
    }
}
