package com.loyaltysuite.member.anomalies;

import com.loyaltysuite.events.MemberId;
import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.member.MemberStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentMonitorTest {

    static final MemberId MEMBER = MemberId.of("M-1");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    /** 10:00 in Shanghai: outside the night hours. */
    static final Instant PAID = Instant.parse("2026-11-23T02:00:00Z");

    final AnomalyRules rules = AnomalyRules.of(AnomalyRulesTest.defaults());
    AggregateTestFixture<PaymentMonitor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentMonitor.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(rules);
    }

    @Test
    void aLargePaymentIsRecordedWithItsAnomaly() {
        MonitoredPayment payment = new MonitoredPayment(OrderId.of("O-1"), Money.of("6000", "CNY"), PAID);

        fixture.givenNoPriorActivity()
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("6000", "CNY"), PAID, "ev-1"))
                .expectEvents(
                        new MonitoredPaymentRecorded(MEMBER, "default", payment, PAID.minus(Duration.ofDays(7)), "ev-1"),
                        new AnomalyRecorded(
                                MEMBER,
                                "default",
                                AnomalyRule.LARGE_PAYMENT,
                                PAID,
                                PAID.plus(Duration.ofDays(1)),
                                List.of(OrderId.of("O-1")),
                                "6000",
                                "5000",
                                "CNY",
                                "A payment of 6000 CNY is above the 5000 CNY threshold",
                                NOW,
                                List.of("ev-1")));
    }

    @Test
    void aPaymentSeenBeforeIsNotCheckedAgain() {
        MonitoredPayment payment = new MonitoredPayment(OrderId.of("O-1"), Money.of("6000", "CNY"), PAID);

        fixture.given(new MonitoredPaymentRecorded(MEMBER, "default", payment, PAID.minus(Duration.ofDays(7)), "ev-1"))
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("6000", "CNY"), PAID, "ev-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentAfterTheMemberWasFrozenIsAnAnomaly() {
        fixture.given(new MonitoredStatusRecorded(MEMBER, "default", MemberStatus.FROZEN, PAID.minusSeconds(60), "ev-0"))
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("10", "CNY"), PAID, "ev-1"))
                .expectEvents(
                        new MonitoredPaymentRecorded(
                                MEMBER,
                                "default",
                                new MonitoredPayment(OrderId.of("O-1"), Money.of("10", "CNY"), PAID),
                                PAID.minus(Duration.ofDays(7)),
                                "ev-1"),
                        new AnomalyRecorded(
                                MEMBER,
                                "default",
                                AnomalyRule.INACTIVE_MEMBER_PAYMENT,
                                PAID,
                                PAID.plus(Duration.ofDays(1)),
                                List.of(OrderId.of("O-1")),
                                "FROZEN",
                                "ACTIVE",
                                "status",
                                "A payment from a member whose status is FROZEN",
                                NOW,
                                List.of("ev-1")));
    }

    @Test
    void aPaymentBeforeTheFreezeIsNot() {
        fixture.given(new MonitoredStatusRecorded(MEMBER, "default", MemberStatus.FROZEN, PAID.plusSeconds(60), "ev-0"))
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("10", "CNY"), PAID, "ev-1"))
                .expectEvents(new MonitoredPaymentRecorded(
                        MEMBER,
                        "default",
                        new MonitoredPayment(OrderId.of("O-1"), Money.of("10", "CNY"), PAID),
                        PAID.minus(Duration.ofDays(7)),
                        "ev-1"));
    }

    /** PAID is 03:00 in Berlin: a member living there who pays then pays in their night. */
    @Test
    void aPaymentInTheNightOfTheMembersOwnZoneIsAnAnomaly() {
        fixture.given(new MonitoredTimeZoneRecorded(MEMBER, "default", "Europe/Berlin", PAID.minus(Duration.ofDays(30)), "ev-0"))
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("10", "CNY"), PAID, "ev-1"))
                .expectEvents(
                        new MonitoredPaymentRecorded(
                                MEMBER,
                                "default",
                                new MonitoredPayment(OrderId.of("O-1"), Money.of("10", "CNY"), PAID),
                                PAID.minus(Duration.ofDays(7)),
                                "ev-1"),
                        new AnomalyRecorded(
                                MEMBER,
                                "default",
                                AnomalyRule.NIGHT_PAYMENT,
                                Instant.parse("2026-11-23T01:00:00Z"),
                                Instant.parse("2026-11-23T04:00:00Z"),
                                List.of(OrderId.of("O-1")),
                                "03:00",
                                "02:00-05:00",
                                "local-time",
                                "A payment at 03:00 Europe/Berlin, inside the watched hours 02:00-05:00",
                                NOW,
                                List.of("ev-1")));
    }

    @Test
    void aZoneSetAfterThePaymentDoesNotApplyToIt() {
        fixture.given(new MonitoredTimeZoneRecorded(MEMBER, "default", "Europe/Berlin", PAID.plusSeconds(60), "ev-0"))
                .when(new RecordMonitoredPayment(MEMBER, "default", OrderId.of("O-1"), Money.of("10", "CNY"), PAID, "ev-1"))
                .expectEvents(new MonitoredPaymentRecorded(
                        MEMBER,
                        "default",
                        new MonitoredPayment(OrderId.of("O-1"), Money.of("10", "CNY"), PAID),
                        PAID.minus(Duration.ofDays(7)),
                        "ev-1"));
    }

    @Test
    void aZoneIsNotedOnce() {
        fixture.given(new MonitoredTimeZoneRecorded(MEMBER, "default", "Europe/Berlin", PAID, "ev-0"))
                .when(new RecordMonitoredTimeZone(MEMBER, "default", "Europe/Berlin", PAID, "ev-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
