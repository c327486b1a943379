package com.loyaltysuite.member.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.Money;
import com.loyaltysuite.events.OrderId;
import com.loyaltysuite.events.anomaly.AnomalyRule;
import com.loyaltysuite.events.member.MemberStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules with their shipped settings: above 5000 CNY (once a day), more than 5 payments in 10
 * minutes, 02:00 to 05:00 in Asia/Shanghai (once a night), refunds above 50 % of the spend in 7 days,
 * and payments while frozen or closed (once a day). Every rule fires once per member per window.
 */
class AnomalyRulesTest {

    /** 10:00 in Shanghai. */
    static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    final AnomalyRules rules = AnomalyRules.of(defaults());
    final List<MonitoredPayment> payments = new ArrayList<>();
    final List<MonitoredRefund> refunds = new ArrayList<>();
    final List<FiredWindow> fired = new ArrayList<>();
    int orders;

    @Test
    void aPaymentAboveTheThresholdFiresOncePerWindow() {
        assertThat(pay("5000.00", T)).isEmpty();
        List<AnomalyHit> first = pay("5000.01", T.plusSeconds(60));
        assertThat(first).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.LARGE_PAYMENT);
            assertThat(hit.observed()).isEqualTo("5000.01");
            assertThat(hit.threshold()).isEqualTo("5000");
            assertThat(hit.unit()).isEqualTo("CNY");
            assertThat(hit.windowStart()).isEqualTo(T.plusSeconds(60));
            assertThat(hit.windowEnd()).isEqualTo(T.plusSeconds(60).plus(Duration.ofDays(1)));
            assertThat(hit.orderIds()).containsExactly(OrderId.of("O-2"));
        });
        assertThat(pay("9000", T.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(pay("9000", T.plusSeconds(60).plus(Duration.ofDays(1)))).extracting(AnomalyHit::rule)
                .containsExactly(AnomalyRule.LARGE_PAYMENT);
    }

    @Test
    void aLargePaymentInAnotherCurrencyIsNotCompared() {
        assertThat(rules.onPayment(
                        new MonitoredPayment(OrderId.of("O-1"), Money.of("99999", "USD"), T), payments, refunds, MemberStatus.ACTIVE, null, fired))
                .isEmpty();
    }

    @Test
    void moreThanFivePaymentsInTenMinutesFireOncePerWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(pay("10", T.plusSeconds(60L * i))).isEmpty();
        }
        List<AnomalyHit> sixth = pay("10", T.plusSeconds(300));
        assertThat(sixth).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.HIGH_FREQUENCY);
            assertThat(hit.observed()).isEqualTo("6");
            assertThat(hit.threshold()).isEqualTo("5");
            assertThat(hit.windowStart()).isEqualTo(T.plusSeconds(300).minus(Duration.ofMinutes(10)));
            assertThat(hit.windowEnd()).isEqualTo(T.plusSeconds(300));
            assertThat(hit.orderIds()).hasSize(6);
        });
        assertThat(pay("10", T.plusSeconds(360))).isEmpty(); // same window
        // Once those payments are over ten minutes old, six payments in a new window fire again.
        Instant next = T.plusSeconds(361).plus(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            pay("10", next.plusSeconds(i));
        }
        assertThat(pay("10", next.plusSeconds(5))).extracting(AnomalyHit::rule).containsExactly(AnomalyRule.HIGH_FREQUENCY);
    }

    @Test
    void aPaymentInTheNightHoursFiresOncePerNight() {
        Instant halfPastTwo = Instant.parse("2026-11-22T18:30:00Z"); // 02:30 in Shanghai
        assertThat(pay("10", Instant.parse("2026-11-22T17:59:00Z"))).isEmpty(); // 01:59
        assertThat(pay("10", halfPastTwo)).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.NIGHT_PAYMENT);
            assertThat(hit.observed()).isEqualTo("02:30");
            assertThat(hit.threshold()).isEqualTo("02:00-05:00");
            assertThat(hit.windowStart()).isEqualTo(Instant.parse("2026-11-22T18:00:00Z"));
            assertThat(hit.windowEnd()).isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        });
        assertThat(pay("10", Instant.parse("2026-11-22T20:59:00Z"))).isEmpty(); // 04:59, same night
        assertThat(pay("10", Instant.parse("2026-11-22T21:00:00Z"))).isEmpty(); // 05:00 is outside
        assertThat(pay("10", Instant.parse("2026-11-23T18:01:00Z"))).extracting(AnomalyHit::rule) // the next night
                .containsExactly(AnomalyRule.NIGHT_PAYMENT);
    }

    @Test
    void nightHoursMayWrapAroundMidnight() {
        var p = defaults();
        AnomalyRules wrapping = AnomalyRules.of(new AnomalyProperties(
                p.zone(), p.currency(), p.largePayment(), p.highFrequency(),
                new AnomalyProperties.NightPayment(true, "23:00", "05:00"), p.refundRatio(), p.inactiveMember()));
        Instant oneAm = Instant.parse("2026-11-22T17:00:00Z"); // 01:00 on the 23rd in Shanghai

        List<AnomalyHit> hits = wrapping.onPayment(
                new MonitoredPayment(OrderId.of("O-1"), Money.of("1", "CNY"), oneAm), payments, refunds, MemberStatus.ACTIVE, null, fired);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.windowStart()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z")); // 23:00 on the 22nd
            assertThat(hit.windowEnd()).isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        });
    }

    /** T is 10:00 in Shanghai and 03:00 in Berlin (UTC+1 in November). */
    @Test
    void theNightHoursAreTheMembersOwnWhenTheySetAZone() {
        MonitoredPayment inBerlinsNight = payment("10", T);

        List<AnomalyHit> hits =
                rules.onPayment(inBerlinsNight, payments, refunds, MemberStatus.ACTIVE, "Europe/Berlin", fired);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.NIGHT_PAYMENT);
            assertThat(hit.observed()).isEqualTo("03:00");
            assertThat(hit.windowStart()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z")); // 02:00 in Berlin
            assertThat(hit.windowEnd()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z")); // 05:00 in Berlin
            assertThat(hit.description()).contains("Europe/Berlin");
        });
        assertThat(rules.onPayment(inBerlinsNight, payments, refunds, MemberStatus.ACTIVE, null, fired)).isEmpty();
        Instant shanghaiThreeAm = Instant.parse("2026-11-22T19:00:00Z"); // 20:00 in Berlin
        assertThat(rules.onPayment(payment("10", shanghaiThreeAm), payments, refunds, MemberStatus.ACTIVE, "Europe/Berlin", fired))
                .isEmpty();
        assertThat(rules.onPayment(payment("10", shanghaiThreeAm), payments, refunds, MemberStatus.ACTIVE, null, fired))
                .extracting(AnomalyHit::rule)
                .containsExactly(AnomalyRule.NIGHT_PAYMENT);
    }

    @Test
    void aZoneThisJvmDoesNotKnowFallsBackToTheProgrammes() {
        Instant shanghaiThreeAm = Instant.parse("2026-11-22T19:00:00Z");

        assertThat(rules.onPayment(payment("10", shanghaiThreeAm), payments, refunds, MemberStatus.ACTIVE, "Mars/Olympus", fired))
                .extracting(AnomalyHit::rule)
                .containsExactly(AnomalyRule.NIGHT_PAYMENT);
    }

    @Test
    void refundsAboveHalfTheSpendInAWeekFireOncePerWindow() {
        pay("600", T);
        pay("400", T.plus(Duration.ofDays(1)));
        assertThat(refund("O-1", "500", T.plus(Duration.ofDays(2)))).isEmpty(); // 500 of 1000: not above 50 %
        List<AnomalyHit> hits = refund("O-2", "1", T.plus(Duration.ofDays(3)));
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.REFUND_RATIO);
            assertThat(hit.observed()).isEqualTo("501.00");
            assertThat(hit.threshold()).isEqualTo("500.00");
            assertThat(hit.orderIds()).containsExactly(OrderId.of("O-1"), OrderId.of("O-2"));
            assertThat(hit.windowEnd()).isEqualTo(T.plus(Duration.ofDays(3)));
            assertThat(hit.windowStart()).isEqualTo(T.plus(Duration.ofDays(3)).minus(Duration.ofDays(7)));
            assertThat(hit.description()).contains("50.10 %");
        });
        assertThat(refund("O-2", "100", T.plus(Duration.ofDays(4)))).isEmpty(); // same window
    }

    @Test
    void aRefundThatOvertakesItsPaymentIsJudgedWhenThePaymentComes() {
        assertThat(refund("O-1", "600", T.plusSeconds(60))).isEmpty(); // its order is not known yet

        List<AnomalyHit> hits = pay("1000", T);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.REFUND_RATIO);
            assertThat(hit.observed()).isEqualTo("600.00");
            assertThat(hit.windowEnd()).isEqualTo(T.plusSeconds(60));
        });
    }

    @Test
    void refundsOfOrdersPaidBeforeTheWindowDoNotCount() {
        pay("1000", T);
        pay("100", T.plus(Duration.ofDays(8)));

        assertThat(refund("O-1", "1000", T.plus(Duration.ofDays(8)).plusSeconds(60))).isEmpty();
    }

    @Test
    void aPaymentWhileFrozenOrClosedFiresOncePerWindow() {
        assertThat(rules.onPayment(payment("10", T), payments, refunds, MemberStatus.ACTIVE, null, fired)).isEmpty();
        List<AnomalyHit> frozen = rules.onPayment(payment("10", T), payments, refunds, MemberStatus.FROZEN, null, fired);
        assertThat(frozen).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo(AnomalyRule.INACTIVE_MEMBER_PAYMENT);
            assertThat(hit.observed()).isEqualTo("FROZEN");
            assertThat(hit.threshold()).isEqualTo("ACTIVE");
            assertThat(hit.unit()).isEqualTo("status");
        });
        fire(frozen);
        assertThat(rules.onPayment(payment("10", T.plusSeconds(60)), payments, refunds, MemberStatus.CLOSED, null, fired)).isEmpty();
        assertThat(rules.onPayment(payment("10", T.plus(Duration.ofDays(1))), payments, refunds, MemberStatus.CLOSED, null, fired))
                .extracting(AnomalyHit::rule)
                .containsExactly(AnomalyRule.INACTIVE_MEMBER_PAYMENT);
    }

    @Test
    void theRetentionIsTheLongestWindow() {
        assertThat(rules.retention()).isEqualTo(Duration.ofDays(7));
    }

    private List<AnomalyHit> pay(String amount, Instant at) {
        MonitoredPayment payment = payment(amount, at);
        List<AnomalyHit> hits = rules.onPayment(payment, payments, refunds, MemberStatus.ACTIVE, null, fired);
        payments.add(payment);
        fire(hits);
        return hits;
    }

    private List<AnomalyHit> refund(String orderId, String amount, Instant at) {
        MonitoredRefund refund = new MonitoredRefund("R-" + (refunds.size() + 1), OrderId.of(orderId), Money.of(amount, "CNY"), at);
        List<AnomalyHit> hits = rules.onRefund(refund, payments, refunds, fired);
        refunds.add(refund);
        fire(hits);
        return hits;
    }

    private void fire(List<AnomalyHit> hits) {
        hits.forEach(hit -> fired.add(new FiredWindow(hit.rule(), hit.windowStart(), hit.windowEnd())));
    }

    private MonitoredPayment payment(String amount, Instant at) {
        return new MonitoredPayment(OrderId.of("O-" + ++orders), Money.of(amount, "CNY"), at);
    }

    static AnomalyProperties defaults() {
        return new AnomalyProperties(
                "Asia/Shanghai",
                "CNY",
                new AnomalyProperties.LargePayment(true, new BigDecimal("5000"), Duration.ofDays(1)),
                new AnomalyProperties.HighFrequency(true, 5, Duration.ofMinutes(10)),
                new AnomalyProperties.NightPayment(true, "02:00", "05:00"),
                new AnomalyProperties.RefundRatio(true, new BigDecimal("50"), Duration.ofDays(7)),
                new AnomalyProperties.InactiveMember(true, Duration.ofDays(1)));
    }
}
