package com.loyaltysuite.member.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.member.MemberStatus;
import com.loyaltysuite.testsupport.aggregates.AggregateHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot of a payment monitor restores what replay gives, and it decides alike afterwards. */
class PaymentMonitorSnapshotTest {

    static final MemberId MEMBER = MemberId.of("M-7");
    static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void aSnapshotRestoresExactlyTheStateThatReplayingTheEventsGives() {
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        AnomalyRules rules = AnomalyRules.of(AnomalyRulesTest.defaults());
        AggregateHarness<PaymentMonitor> replaying = AggregateHarness.replaying(PaymentMonitor.class, clock, rules);
        AggregateHarness<PaymentMonitor> snapshotting =
                AggregateHarness.snapshottingEvery(1, PaymentMonitor.class, clock, rules);
        List<Object> commands = List.of(
                pay("O-1", "6000", T.minus(Duration.ofDays(10))), // let go later
                new RecordMonitoredStatus(MEMBER, "default", MemberStatus.FROZEN, T.minus(Duration.ofDays(9)), "s1"),
                new RecordMonitoredTimeZone(MEMBER, "default", "Asia/Tokyo", T.minus(Duration.ofDays(9)), "z1"),
                new RecordMonitoredTimeZone(MEMBER, "default", "Europe/Berlin", T.minusSeconds(60), "z2"),
                pay("O-2", "6000", T),
                pay("O-3", "100", T.plusSeconds(60)),
                new RecordMonitoredRefund(MEMBER, "default", "R-1", OrderId.of("O-2"), Money.of("5000", "CNY"), T.plusSeconds(120), "r1"),
                pay("O-2", "6000", T), // re-sent: not checked again
                pay("O-4", "7000", T.plus(Duration.ofHours(1)))); // the large-payment window is still open

        List<Object> fromReplay = replaying.sendAll(commands);
        List<Object> fromSnapshots = snapshotting.sendAll(commands);

        String id = PaymentMonitor.idOf(MEMBER);
        PaymentMonitor replayed = replaying.load(id);
        assertThat(AggregateHarness.roundTrip(replayed)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(AggregateHarness.json(replayed)).contains("\"O-2\"", "FROZEN", "LARGE_PAYMENT", "Asia/Tokyo", "Europe/Berlin").doesNotContain("\"O-1\"");
        assertThat(snapshotting.snapshotsTaken()).isPositive();
        assertThat(fromSnapshots).isEqualTo(fromReplay);
        assertThat(snapshotting.load(id)).usingRecursiveComparison().isEqualTo(replayed);
        assertThat(PaymentMonitor.class.getAnnotation(Revision.class).value()).isEqualTo("2");
    }

    private static RecordMonitoredPayment pay(String orderId, String amount, Instant paidAt) {
        return new RecordMonitoredPayment(MEMBER, "default", OrderId.of(orderId), Money.of(amount, "CNY"), paidAt, "e-" + orderId);
    }
}
