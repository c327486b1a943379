package com.loyaltysuite.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.points.account.PointsAccount;
import com.loyaltysuite.points.earning.EarningRecorded;
import com.loyaltysuite.points.earning.MakePointsAvailable;
import com.loyaltysuite.points.earning.PointsMadeAvailable;
import com.loyaltysuite.points.earning.RecordEarning;
import com.loyaltysuite.points.earning.RecordTierChange;
import com.loyaltysuite.points.earning.TierChangeRecorded;
import com.loyaltysuite.support.aggregates.AggregatesProperties;
import com.loyaltysuite.testsupport.MutableClock;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points accounts kept warm in the running service: a snapshot every N events that the account loads
 * from, snapshots of another revision ignored, and a cache that never holds state the database lacks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(PointsTestClock.class)
class PointsAccountWarmIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine events;

    @Autowired
    @Qualifier("pointsAccountCache")
    Cache cache;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    /** Orders are paid "now", so that no timer of theirs is due while a test sends its own commands. */
    @Autowired
    MutableClock clock;

    @Autowired
    AggregatesProperties aggregates;

    @Test
    void everyNEventsASnapshotIsStoredThatHoldsExactlyWhatReplayGivesAndTheAccountLoadsFromIt() {
        int threshold = aggregates.snapshotThreshold();
        String member = newMember();
        int tierChanges = recordTierChanges(member, threshold + 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotRows(member) == 1);
        assertThat(jdbc.queryForObject(
                        "select payload_revision from snapshot_event_entry where aggregate_identifier = ?", String.class, member))
                .isEqualTo("4");
        DomainEventMessage<?> snapshot = events.readSnapshot(member).orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isBetween((long) threshold - 1, (long) tierChanges - 1);
        List<? extends DomainEventMessage<?>> upToSnapshot = events.readEvents(member, 0)
                .asStream()
                .filter(e -> e.getSequenceNumber() <= snapshot.getSequenceNumber())
                .toList();
        assertThat(snapshot.getPayload())
                .usingRecursiveComparison()
                .isEqualTo(AggregateHarness.replay(PointsAccount.class, upToSnapshot));

        // Mark the snapshot so that state read from it shows, then load the account cold.
        jdbc.update(
                "update snapshot_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " '\"programId\":\"default\"', '\"programId\":\"from-snapshot\"'), 'UTF8') where aggregate_identifier = ?",
                member);
        cache.removeAll();
        Instant paidAt = clock.instant();
        commands.sendAndWait(earn(member, "O-1", "100.00", paidAt));
        commands.sendAndWait(new MakePointsAvailable(MemberId.of(member), OrderId.of("O-1"), paidAt.plus(Duration.ofDays(7))));

        assertThat(last(member, EarningRecorded.class).tier()).isEqualTo(tierAt(tierChanges - 1));
        assertThat(last(member, PointsMadeAvailable.class).programId()).isEqualTo("from-snapshot");
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnoredAndTheEventsReplayed() {
        String member = newMember();
        int tierChanges = recordTierChanges(member, aggregates.snapshotThreshold() + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotRows(member) == 1);

        // What an older shape of the account left behind: read as an account, it would be an empty one.
        jdbc.update(
                "update snapshot_event_entry set payload_revision = '0', payload = convert_to('{}', 'UTF8')"
                        + " where aggregate_identifier = ?",
                member);
        cache.removeAll();
        commands.sendAndWait(earn(member, "O-1", "100.00", clock.instant()));

        assertThat(last(member, EarningRecorded.class).tier()).isEqualTo(tierAt(tierChanges - 1));
    }

    @Test
    void anAccountStaysInMemoryBetweenCommands() {
        String member = newMember();
        commands.sendAndWait(earn(member, "O-1", "100.00", clock.instant()));
        assertThat(cache.containsKey(member)).isTrue();
        double hits = cacheGets("hit");

        commands.sendAndWait(earn(member, "O-2", "100.00", clock.instant().plusSeconds(60)));

        assertThat(cacheGets("hit")).isGreaterThanOrEqualTo(hits + 1);
        assertThat(meters.get("loyalty.aggregates.cache.size").gauge().value()).isPositive();
    }

    /** Without care, the cache would keep the order as counted, and its redelivery would earn nothing. */
    @Test
    void aCommandWhoseTransactionRollsBackLeavesNothingInTheCache() {
        String member = newMember();
        commands.sendAndWait(earn(member, "O-1", "100.00", clock.instant()));

        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(earn(member, "O-2", "200.00", clock.instant().plusSeconds(60)));
            status.setRollbackOnly(); // e.g. the inbox insert or a later command failed
        });
        commands.sendAndWait(earn(member, "O-2", "200.00", clock.instant().plusSeconds(60))); // the record, redelivered

        assertThat(last(member, EarningRecorded.class).orderId()).isEqualTo(OrderId.of("O-2"));
        assertThat(all(member, EarningRecorded.class)).hasSize(2);
    }

    /** Another instance of the service appended to the account after this one cached it. */
    @Test
    void aCachedAccountThatAnotherInstanceChangedIsRefusedOnceThenReloaded() {
        String member = newMember();
        commands.sendAndWait(earn(member, "O-1", "100.00", clock.instant()));
        long next = events.lastSequenceNumberFor(member).orElseThrow() + 1;
        transaction.executeWithoutResult(status -> events.appendEvents(new GenericDomainEventMessage<>(
                "PointsAccount",
                member,
                next,
                new TierChangeRecorded(MemberId.of(member), "default", "GOLD", clock.instant().plusSeconds(1), "other-instance"))));

        RecordEarning second = earn(member, "O-2", "100.00", clock.instant().plusSeconds(60));
        assertThatThrownBy(() -> commands.sendAndWait(second)).isInstanceOf(ConcurrencyException.class);
        commands.sendAndWait(second); // the consumer's retry

        assertThat(last(member, EarningRecorded.class).tier()).isEqualTo("GOLD");
    }

    /** {@code count} tier changes over the days before now, alternating GOLD and SILVER. */
    private int recordTierChanges(String member, int count) {
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            commands.sendAndWait(new RecordTierChange(
                    MemberId.of(member), "default", tierAt(i), now.minus(Duration.ofDays(count - i)), "tier-" + i));
        }
        return count;
    }

    private static String tierAt(int i) {
        return i % 2 == 0 ? "GOLD" : "SILVER";
    }

    private long snapshotRows(String member) {
        return jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, member);
    }

    private double cacheGets(String result) {
        return meters.get("loyalty.aggregates.cache.gets")
                .tag("aggregate", "PointsAccount")
                .tag("result", result)
                .functionCounter()
                .count();
    }

    private <E> List<E> all(String member, Class<E> type) {
        return events.readEvents(member, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private <E> E last(String member, Class<E> type) {
        List<E> found = all(member, type);
        assertThat(found).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static RecordEarning earn(String member, String orderId, String amount, Instant paidAt) {
        return new RecordEarning(
                MemberId.of(member),
                "default",
                OrderId.of(orderId),
                Money.of(amount, "CNY"),
                paidAt,
                "APP",
                List.of(),
                "evt-" + UUID.randomUUID());
    }

    private static String newMember() {
        return "M-warm-" + UUID.randomUUID();
    }
}
