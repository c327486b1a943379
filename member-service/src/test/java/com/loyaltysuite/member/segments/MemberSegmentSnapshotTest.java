package com.loyaltysuite.member.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot of a member's segment restores what replay gives, and it decides alike afterwards. */
class MemberSegmentSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RfmPolicy policy = RfmPolicy.defaults();
        AggregateHarness<MemberSegment> replaying = AggregateHarness.replaying(MemberSegment.class, clock, policy);
        AggregateHarness<MemberSegment> snapshotting = AggregateHarness.snapshottingEvery(1, MemberSegment.class, clock, policy);
        List<Object> commands = List.of(
                new RecordSegmentRefund(MEMBER, "default", OrderId.of("O-3"), "R-0", Money.of("5", "CNY"), NOW, "e0"),
                order("O-1", "500", 400, "e1"), // leaves the window at the next assessment
                order("O-2", "700", 40, "e2"),
                new RecordSegmentRefund(MEMBER, "default", OrderId.of("O-2"), "R-1", Money.of("100", "CNY"), NOW, "e3"),
                order("O-3", "300", 10, "e4"),
                order("O-3", "300", 10, "e5"), // re-sent: counted once
                new ReassessSegment(MEMBER, NOW.plus(Duration.ofDays(20))));

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        String id = MemberSegment.idOf(MEMBER);
        MemberSegment replayed = replaying.load(id);
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(AggregateHarness.json(replayed)).contains("\"O-2\"", "\"O-3\"", "\"R-1\"").doesNotContain("\"O-1\"");
        assertThat(snapshotting.snapshotsTaken()).isPositive();
        assertThat(fromSnapshots).isEqualTo(fromReplay);
        assertThat(snapshotting.load(id)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(MemberSegment.class.getAnnotation(Revision.class).value()).isEqualTo("1");
    }

    private static RecordSegmentOrder order(String orderId, String amount, int daysAgo, String eventId) {
        return new RecordSegmentOrder(
                MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), NOW.minus(Duration.ofDays(daysAgo)), eventId);
    }
}
