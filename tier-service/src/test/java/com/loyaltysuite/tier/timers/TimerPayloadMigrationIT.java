package com.loyaltysuite.tier.timers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Timers set before payloads were typed held the instant as a bare string. Migrated, each of tier's
 * kinds holds the JSON record its route reads (with the service's ObjectMapper), to the nanosecond;
 * other services' kinds and rows already in JSON are left as they were.
 */
class TimerPayloadMigrationIT {

    static final String SCHEMA = "tier_timer_upgrade";
    static final Instant VALIDITY_END = Instant.parse("2027-11-24T10:00:00.123456789Z");
    static final Instant MANUAL_UNTIL = Instant.parse("2027-02-01T00:00:00Z");

    @Test
    void tiersStringPayloadsBecomeTheJsonRecordsTheirKindsRead() throws Exception {
        var coordinates = SharedDatabase.coordinates();
        var dataSource = new DriverManagerDataSource(coordinates.url(), coordinates.username(), coordinates.password());
        dataSource.setSchema(SCHEMA);
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/migration/common", "classpath:db/migration/tier");
        flyway.target(MigrationVersion.fromVersion("3")).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        insert(jdbc, "tier-reevaluation", "tier-reevaluation:M-1:" + VALIDITY_END, VALIDITY_END.toString());
        insert(jdbc, "tier-at-risk", "tier-at-risk:M-1:" + VALIDITY_END, VALIDITY_END.toString());
        insert(jdbc, "manual-tier-end", "manual-tier-end:M-2:" + MANUAL_UNTIL, MANUAL_UNTIL.toString());
        insert(jdbc, "manual-tier-end", "manual-tier-end:M-3:" + MANUAL_UNTIL, "{\"until\":\"" + MANUAL_UNTIL + "\"}");
        insert(jdbc, "points-expiry", "points-expiry:M-1:lot-7", "2027-01-01T00:00:00Z");

        flyway.target(MigrationVersion.LATEST).load().migrate();

        ObjectMapper json = serviceObjectMapper();
        assertThat(json.readValue(payload(jdbc, "tier-reevaluation:M-1:" + VALIDITY_END), TierTimers.ValidityEnd.class))
                .isEqualTo(new TierTimers.ValidityEnd(VALIDITY_END));
        assertThat(json.readValue(payload(jdbc, "tier-at-risk:M-1:" + VALIDITY_END), TierTimers.RiskNotice.class))
                .isEqualTo(new TierTimers.RiskNotice(VALIDITY_END));
        assertThat(json.readValue(payload(jdbc, "manual-tier-end:M-2:" + MANUAL_UNTIL), TierTimers.ManualTierEnd.class))
                .isEqualTo(new TierTimers.ManualTierEnd(MANUAL_UNTIL));
        assertThat(payload(jdbc, "manual-tier-end:M-3:" + MANUAL_UNTIL)).isEqualTo("{\"until\":\"" + MANUAL_UNTIL + "\"}");
        assertThat(payload(jdbc, "points-expiry:M-1:lot-7")).isEqualTo("2027-01-01T00:00:00Z");
    }

    /** The payload a timer of the new API gets for the same instant reads back the same way. */
    @Test
    void theMigratedFormIsTheFormTheServiceWrites() throws Exception {
        ObjectMapper json = serviceObjectMapper();

        String written = json.writeValueAsString(new TierTimers.ValidityEnd(VALIDITY_END));

        assertThat(json.readTree(written)).isEqualTo(json.readTree("{\"at\": \"" + VALIDITY_END + "\"}"));
    }

    private static void insert(JdbcTemplate jdbc, String kind, String key, String payload) {
        jdbc.update(
                "insert into due_timer (kind, timer_key, member_id, due_at, payload) values (?, ?, ?, ?, ?)",
                kind, key, key.split(":")[1], Timestamp.from(VALIDITY_END), payload);
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
