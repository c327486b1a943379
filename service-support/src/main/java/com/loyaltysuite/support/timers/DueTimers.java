package com.loyaltysuite.support.timers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.support.transactions.RootUnitOfWork;
import com.loyaltysuite.support.transactions.UnitOfWorkBatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable per-member timers (DESIGN guarantee 6): due dates kept in the service's own database,
 * scheduled in the transaction of the decision that sets them, and fired close to their instant by
 * whichever instance claims them first ({@code FOR UPDATE SKIP LOCKED}, then a short lease).
 *
 * <p>Both sides are batched. Timers set or cancelled inside an Axon unit of work (a Kafka poll
 * batch, a tracking processor batch) are written once, when it prepares to commit, in one JDBC batch
 * (the last setting of a key wins). Due timers are claimed up to a batch at a time and fired together
 * in one unit of work and transaction; if that fails, they are fired again one by one, so one bad timer
 * holds up no other.
 * A failing handler leaves its timer pending and retries it with back-off; nothing is dropped. The lag
 * between a due date and its firing is the {@code loyalty.<service>.timers.lag} timer.
 */
public class DueTimers {

    private static final Logger log = LoggerFactory.getLogger(DueTimers.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RootUnitOfWork unitOfWork;
    private final Clock clock;
    private final Map<String, DueTimerRoutes.Route<?>> routes = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String meterPrefix;
    /** The last change of each key in the current unit of work (the last setting of a key wins). */
    private final UnitOfWorkBatch<Map<String, Change>> pendingChanges =
            new UnitOfWorkBatch<>("due-timers", LinkedHashMap::new, changes -> flush(List.copyOf(changes.values())));

    public DueTimers(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RootUnitOfWork unitOfWork,
            Clock clock,
            List<DueTimerRoutes> routes,
            ObjectMapper json,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        for (DueTimerRoutes service : routes) {
            service.routes().forEach((name, route) -> {
                if (this.routes.putIfAbsent(name, route) != null) {
                    throw new IllegalStateException("Two DueTimerRoutes handle timer kind " + name);
                }
            });
        }
        this.json = json;
        this.meters = meters;
        this.meterPrefix = "loyalty.timers";
        Gauge.builder(meterPrefix + ".overdue", this, DueTimers::overdue)
                .description("Timers whose due date has passed and that have not fired yet")
                .register(meters);
    }

    /**
     * Sets the member's timer {@code id} of this kind to fire at {@code dueAt} with {@code payload},
     * replacing any earlier setting of it (also one that already fired). Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <P> void schedule(TimerKind<P> kind, MemberId member, String id, Instant dueAt, P payload) {
        write(new Change(kind.key(member, id), new Setting(kind.name(), member, dueAt, toJson(kind, payload))));
    }

    /** Removes the member's timer {@code id} of this kind if it has not fired. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(TimerKind<?> kind, MemberId member, String id) {
        write(new Change(kind.key(member, id), null));
    }

    private <P> String toJson(TimerKind<P> kind, P payload) {
        try {
            return json.writeValueAsString(kind.payloadType().cast(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store the payload of a " + kind.name() + " timer", e);
        }
    }

    private void write(Change change) {
        pendingChanges.add(changes -> changes.put(change.key(), change));
    }

    private void flush(List<Change> changes) {
        List<Object[]> settings = new ArrayList<>();
        List<Object[]> cancellations = new ArrayList<>();
        for (Change change : changes) {
            Setting s = change.setting();
            if (s == null) {
                cancellations.add(new Object[] {change.key()});
            } else {
                settings.add(new Object[] {s.kind(), change.key(), s.memberId().value(), Timestamp.from(s.dueAt()), s.payload()});
            }
        }
        if (!settings.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into due_timer (kind, timer_key, member_id, due_at, payload) values (?, ?, ?, ?, ?) "
                            + "on conflict (timer_key) do update set kind = excluded.kind, due_at = excluded.due_at, "
                            + "payload = excluded.payload, attempts = 0, retry_at = null, last_error = null, fired_at = null",
                    settings);
        }
        if (!cancellations.isEmpty()) {
            jdbc.batchUpdate("delete from due_timer where timer_key = ? and fired_at is null", cancellations);
        }
    }

    /**
     * Fires up to {@code max} timers due now; returns how many were claimed. Safe on several instances
     * at once.
     */
    public int fireDue(int max) {
        Instant now = clock.instant();
        List<Claimed> claimed = transaction.execute(status -> claim(now, max));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        if (claimed.size() > 1) {
            try {
                unitOfWork.run("fire " + claimed.size() + " timers", () -> claimed.forEach(timer -> fire(timer, now)));
                return claimed.size();
            } catch (RuntimeException e) {
                log.debug("Firing {} timers together failed; firing them one by one", claimed.size(), e);
            }
        }
        for (Claimed timer : claimed) {
            try {
                unitOfWork.run("fire timer " + timer.timer().key(), () -> fire(timer, now));
            } catch (RuntimeException e) {
                postpone(timer, now, e);
            }
        }
        return claimed.size();
    }

    /**
     * Leases the earliest due timers, up to {@code max}, to this instance for {@link #LEASE}: others
     * skip them meanwhile, and if this instance dies before firing them, they are claimable again when
     * the lease ends.
     */
    private List<Claimed> claim(Instant now, int max) {
        return jdbc.query(
                "update due_timer set retry_at = ? where id in ("
                        + " select id from due_timer where fired_at is null and due_at <= ?"
                        + " and (retry_at is null or retry_at <= ?) order by due_at limit ? for update skip locked)"
                        + " returning id, kind, timer_key, member_id, due_at, payload, attempts",
                (rs, i) -> new Claimed(
                        rs.getLong("id"),
                        new DueTimer(
                                rs.getString("kind"),
                                rs.getString("timer_key"),
                                MemberId.of(rs.getString("member_id")),
                                rs.getTimestamp("due_at").toInstant(),
                                rs.getString("payload"),
                                rs.getInt("attempts"))),
                Timestamp.from(now.plus(LEASE)),
                Timestamp.from(now),
                Timestamp.from(now),
                max);
    }

    /** The handler's effects and the firing commit together. */
    private void fire(Claimed claimed, Instant now) {
        DueTimer timer = claimed.timer();
        DueTimerRoutes.Route<?> route = routes.get(timer.kind());
        if (route == null) {
            throw new UnknownTimerKindException(timer.kind());
        }
        fire(route, timer);
        // Only the due date that was claimed is marked fired: if the handler (or anyone meanwhile)
        // set the key to a new date, that new setting stays pending.
        jdbc.update(
                "update due_timer set fired_at = ?, retry_at = null where id = ? and due_at = ? and fired_at is null",
                Timestamp.from(now),
                claimed.id(),
                Timestamp.from(claimed.timer().dueAt()));
        Timer.builder(meterPrefix + ".lag")
                .description("How late timers fire after their due date")
                .tag("kind", claimed.timer().kind())
                .publishPercentileHistogram()
                .register(meters)
                .record(Duration.between(claimed.timer().dueAt(), clock.instant()).abs());
    }

    private <P> void fire(DueTimerRoutes.Route<P> route, DueTimer timer) {
        P payload;
        try {
            payload = json.readValue(timer.payload(), route.kind().payloadType());
        } catch (JsonProcessingException e) {
            // Left pending with the reason, for someone to look at: dropping it would lose a due date.
            throw new IllegalStateException(
                    "Timer " + timer.key() + " has a payload that is not a " + route.kind().payloadType().getSimpleName(), e);
        }
        route.handler().fire(timer.memberId(), timer.dueAt(), payload);
    }

    private void postpone(Claimed claimed, Instant now, RuntimeException e) {
        int attempts = claimed.timer().attempts() + 1;
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 16));
        delay = delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
        String error = String.valueOf(e.getMessage());
        log.warn("Timer {} failed (attempt {}), retrying in {}", claimed.timer().key(), attempts, delay, e);
        jdbc.update(
                "update due_timer set attempts = ?, retry_at = ?, last_error = ? where id = ?",
                attempts,
                Timestamp.from(now.plus(delay)),
                error.length() > 1024 ? error.substring(0, 1024) : error,
                claimed.id());
    }

    private double overdue() {
        Long count = jdbc.queryForObject(
                "select count(*) from due_timer where fired_at is null and due_at <= ?",
                Long.class,
                Timestamp.from(clock.instant()));
        return count == null ? 0 : count;
    }

    private record Claimed(long id, DueTimer timer) {}

    /** A claimed row: {@code kind} selects the route, {@code key} is {@code kind:member:id}. */
    private record DueTimer(String kind, String key, MemberId memberId, Instant dueAt, String payload, int attempts) {}

    /** A setting of a timer, or its cancellation when {@code setting} is null. */
    private record Change(String key, Setting setting) {}

    private record Setting(String kind, MemberId memberId, Instant dueAt, String payload) {}

    /** A timer whose kind no handler knows; it stays pending until a handler for it is deployed. */
    static class UnknownTimerKindException extends RuntimeException {
        UnknownTimerKindException(String kind) {
            super("No DueTimerRoutes handle timer kind '" + kind + "'");
        }
    }
}
