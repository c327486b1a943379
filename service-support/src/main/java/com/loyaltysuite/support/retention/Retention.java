package com.loyaltysuite.support.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the two bookkeeping tables from growing without bound.
 *
 * <ul>
 *   <li>{@code inbox_message}: an event id is needed only while its record can still be delivered
 *       again, that is while the topic keeps it. {@code inboxKeep} must exceed the topics' retention
 *       (Kafka's default is 7 days), with a margin for a consumer group reset to the earliest offset.
 *   <li>{@code due_timer}: a fired timer is kept {@code firedTimersKeep} for inspection, then dropped.
 * </ul>
 *
 * Rows go in small batches, each its own statement, so pruning never holds long locks; several
 * instances pruning at once only share the work.
 */
public class Retention {

    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration inboxKeep;
    private final Duration firedTimersKeep;
    private final Counter inboxPruned;
    private final Counter timersPruned;

    public Retention(
            JdbcTemplate jdbc,
            Clock clock,
            Duration inboxKeep,
            Duration firedTimersKeep,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inboxKeep = inboxKeep;
        this.firedTimersKeep = firedTimersKeep;
        String name = "loyalty.retention.pruned";
        this.inboxPruned = Counter.builder(name)
                .description("Bookkeeping rows deleted by age, by table")
                .tag("table", "inbox_message")
                .register(meters);
        this.timersPruned = Counter.builder(name)
                .description("Bookkeeping rows deleted by age, by table")
                .tag("table", "due_timer")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${loyalty.retention.interval:PT1H}",
            initialDelayString = "${loyalty.retention.initial-delay:PT10M}")
    public void prune() {
        pruneInbox();
        pruneFiredTimers();
    }

    /** Deletes inbox rows older than {@code inboxKeep}; answers how many. */
    public long pruneInbox() {
        Timestamp before = Timestamp.from(clock.instant().minus(inboxKeep));
        long pruned = inBatches("delete from inbox_message where ctid = any (array("
                + "select ctid from inbox_message where processed_at < ? limit " + BATCH + "))", before);
        inboxPruned.increment(pruned);
        return pruned;
    }

    /** Deletes timers fired more than {@code firedTimersKeep} ago; pending ones are never touched. */
    public long pruneFiredTimers() {
        Timestamp before = Timestamp.from(clock.instant().minus(firedTimersKeep));
        long pruned = inBatches("delete from due_timer where id = any (array("
                + "select id from due_timer where fired_at is not null and fired_at < ? limit " + BATCH + "))", before);
        timersPruned.increment(pruned);
        return pruned;
    }

    private long inBatches(String delete, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, before);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
