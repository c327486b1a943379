package com.loyaltysuite.support.timers;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.LoyaltyService;
import com.loyaltysuite.testsupport.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Durable timers against a real PostgreSQL, fired by hand with a clock the test moves. */
@SpringBootTest(properties = "loyalty.timers.poll=false")
class DueTimersIT {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final MemberId MEMBER = MemberId.of("M-timers");

    @Autowired
    DueTimers timers;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    com.loyaltysuite.support.retention.Retention retention;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    RecordingHandler handler;

    @BeforeEach
    void reset() {
        jdbc.update("delete from due_timer");
        handler.fired.clear();
        handler.payloads.clear();
        handler.members.clear();
        handler.failuresLeft.set(0);
        handler.rescheduleTo = null;
        clock.set(T0);
    }

    @Test
    void firesATimerOnceWhenItIsDueAndNotBefore() {
        schedule("t-1", T0.plusSeconds(60));

        assertThat(timers.fireDue(10)).isZero();
        clock.set(T0.plusSeconds(61));
        timers.fireDue(10);
        timers.fireDue(10);

        assertThat(handler.fired).containsExactly("t-1");
    }

    @Test
    void reschedulingAKeyMovesItsDueDate() {
        schedule("t-2", T0.plusSeconds(10));
        schedule("t-2", T0.plusSeconds(100));

        clock.set(T0.plusSeconds(50));
        timers.fireDue(10);
        assertThat(handler.fired).isEmpty();

        clock.set(T0.plusSeconds(100));
        timers.fireDue(10);
        assertThat(handler.fired).containsExactly("t-2");
    }

    @Test
    void aHandlerThatSetsItsOwnKeyAgainLeavesTheNewDatePending() {
        schedule("t-5", T0);
        handler.rescheduleTo = T0.plusSeconds(3600);

        clock.set(T0.plusSeconds(1));
        timers.fireDue(10);
        handler.rescheduleTo = null;
        clock.set(T0.plusSeconds(3600));
        timers.fireDue(10);

        assertThat(handler.fired).containsExactly("t-5", "t-5");
        assertThat(jdbc.queryForObject("select due_at from due_timer where timer_key = ?", java.sql.Timestamp.class, key("t-5"))
                        .toInstant())
                .isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void aCancelledTimerNeverFires() {
        schedule("t-3", T0);
        transaction.executeWithoutResult(status -> timers.cancel(Probes.KIND, MEMBER, "t-3"));

        clock.set(T0.plusSeconds(1));
        timers.fireDue(10);

        assertThat(handler.fired).isEmpty();
    }

    @Test
    void aFailingHandlerIsRetriedWithBackOffAndNotLost() {
        schedule("t-4", T0);
        handler.failuresLeft.set(2);

        timers.fireDue(10); // fails: retried in 2 s
        timers.fireDue(10); // not yet
        assertThat(handler.fired).isEmpty();
        Map<String, Object> row = jdbc.queryForMap("select attempts, last_error, fired_at from due_timer where timer_key = ?", key("t-4"));
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("induced failure");
        assertThat(row.get("fired_at")).isNull();

        clock.set(T0.plusSeconds(3));
        timers.fireDue(10); // fails again: retried in 4 s
        clock.set(T0.plusSeconds(8));
        timers.fireDue(10);

        assertThat(handler.fired).containsExactly("t-4");
    }

    @Test
    void twoInstancesFiringAtOnceFireEachTimerExactlyOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            schedule("c-" + i, T0.plusMillis(i));
        }
        clock.set(T0.plusSeconds(1));

        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = List.of(pool.submit(() -> timers.fireDue(40)), pool.submit(() -> timers.fireDue(40)));
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(handler.fired).hasSize(40).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from due_timer where fired_at is null", Long.class))
                .isZero();
    }

    @Test
    void theHandlerGetsThePayloadItWasScheduledWithAsItsOwnType() {
        transaction.executeWithoutResult(status -> timers.schedule(
                Probes.KIND, MEMBER, "typed", T0, new Probe("typed", Instant.parse("2027-01-01T00:00:00Z"))));
        assertThat(jdbc.queryForObject("select payload from due_timer where timer_key = ?", String.class, key("typed")))
                .contains("\"label\":\"typed\"");

        timers.fireDue(10);

        assertThat(handler.payloads).containsExactly(new Probe("typed", Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(handler.members).containsExactly(MEMBER);
    }

    @Test
    void aPayloadThatCannotBeReadStaysPendingWithTheReason() {
        jdbc.update(
                "insert into due_timer (kind, timer_key, member_id, due_at, payload) values (?, ?, ?, ?, ?)",
                Probes.KIND.name(),
                key("legacy"),
                MEMBER.value(),
                java.sql.Timestamp.from(T0),
                "not json");

        timers.fireDue(10);

        assertThat(handler.fired).isEmpty();
        assertThat(jdbc.queryForObject("select last_error from due_timer where timer_key = ?", String.class, key("legacy")))
                .contains("not a Probe");
    }

    private void schedule(String id, Instant dueAt) {
        transaction.executeWithoutResult(status -> timers.schedule(Probes.KIND, MEMBER, id, dueAt, new Probe(id, dueAt)));
    }

    private static String key(String id) {
        return Probes.KIND.name() + ":" + MEMBER.value() + ":" + id;
    }

    @SpringBootApplication
    @LoyaltyService("timerstest")
    static class TimersTestApplication {}

    @TestConfiguration
    static class Beans {

        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(T0);
        }

        @Bean
        RecordingHandler recordingHandler() {
            return new RecordingHandler();
        }

        @Bean
        DueTimerRoutes testTimers(RecordingHandler handler) {
            return DueTimerRoutes.builder().on(Probes.KIND, handler).build();
        }
    }

    record Probe(String label, Instant at) {}

    /** The test's timer kind, routed like a service's: one kind, one typed handler. */
    static class Probes {

        static final TimerKind<Probe> KIND = TimerKind.of("test-kind", Probe.class);
    }

    static class RecordingHandler implements TimerHandler<Probe> {

        final List<String> fired = new CopyOnWriteArrayList<>();
        final List<Probe> payloads = new CopyOnWriteArrayList<>();
        final List<MemberId> members = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile Instant rescheduleTo;

        @Autowired
        @org.springframework.context.annotation.Lazy
        DueTimers timers;

        @Override
        public void fire(MemberId member, Instant dueAt, Probe payload) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("induced failure");
            }
            fired.add(payload.label());
            payloads.add(payload);
            members.add(member);
            if (rescheduleTo != null) {
                timers.schedule(Probes.KIND, member, payload.label(), rescheduleTo, payload);
            }
        }
    }

    @Test
    void retentionPrunesOldInboxRowsAndLongFiredTimersButNeverPendingOnes() {
        String consumer = "retention-" + java.util.UUID.randomUUID();
        jdbc.update("insert into inbox_message (consumer, event_id, topic, processed_at) values"
                        + " (?, 'old', 't', ?), (?, 'recent', 't', ?)",
                consumer, java.sql.Timestamp.from(T0.minus(java.time.Duration.ofDays(15))),
                consumer, java.sql.Timestamp.from(T0.minus(java.time.Duration.ofDays(13))));
        schedule("fired-long-ago", T0.minus(java.time.Duration.ofDays(40)));
        schedule("fired-lately", T0.minus(java.time.Duration.ofDays(1)));
        timers.fireDue(10);
        jdbc.update("update due_timer set fired_at = ? where timer_key = ?",
                java.sql.Timestamp.from(T0.minus(java.time.Duration.ofDays(31))), key("fired-long-ago"));
        schedule("pending-and-overdue", T0.plus(java.time.Duration.ofDays(400)));
        clock.set(T0);

        retention.prune();

        assertThat(jdbc.queryForList("select event_id from inbox_message where consumer = ?", String.class, consumer))
                .containsExactly("recent");
        assertThat(jdbc.queryForList("select timer_key from due_timer", String.class))
                .extracting(key -> key.substring(key.lastIndexOf(':') + 1))
                .containsExactlyInAnyOrder("fired-lately", "pending-and-overdue");
        assertThat(meters.get("loyalty.retention.pruned").tag("table", "due_timer").counter().count())
                .isGreaterThanOrEqualTo(1.0);
    }

}
