package com.loyaltysuite.member.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.events.segment.LifecycleStage;
import com.loyaltysuite.events.segment.RfmScore;
import com.loyaltysuite.events.segment.RfmSegment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed members against the shipped thresholds: R high under 90 days since the last paid
 * order, F high from 3 paid orders and M high from 1000 CNY net in 365 days; NEW under 30 days since
 * the first order, DORMANT from 90 and CHURNED from 180 days without one.
 */
class RfmPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    final RfmPolicy policy = RfmPolicy.defaults();

    /** {@code orders}: "days ago:amount" pairs, separated by spaces. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "IMPORTANT_VALUE,  10:500 40:400 100:300,   10, 3, 1200.00, ACTIVE",
        "IMPORTANT_RECALL, 100:500 150:400 200:300, 100, 3, 1200.00, DORMANT",
        "IMPORTANT_DEEPEN, 5:1500,                  5,  1, 1500.00, NEW",
        "IMPORTANT_RETAIN, 200:2000,                200, 1, 2000.00, CHURNED",
        "POTENTIAL,        1:100 20:100 60:100,     1,  3, 300.00,  ACTIVE",
        "NEW,              3:99,                    3,  1, 99.00,   NEW",
        "GENERAL_MAINTAIN, 120:100 130:100 140:100, 120, 3, 300.00, DORMANT",
        "LOST,             300:50,                  300, 1, 50.00,  CHURNED"
    })
    void eachHandComputedMemberLandsInTheirGroup(
            RfmSegment expected, String orders, int recencyDays, int frequency, String monetary, LifecycleStage stage) {
        RfmAssessment a = assess(orders);

        assertThat(a.segment()).isEqualTo(expected);
        assertThat(a.recencyDays()).isEqualTo(recencyDays);
        assertThat(a.frequency()).isEqualTo(frequency);
        assertThat(a.monetary().value()).isEqualByComparingTo(monetary);
        assertThat(a.monetary().currency()).isEqualTo("CNY");
        assertThat(a.stage()).isEqualTo(stage);
        assertThat(a.reason()).contains(expected.chineseName(), expected.name(), recencyDays + " days ago");
    }

    @Test
    void theGroupsFollowTheSeedsHighAndLowMapping() {
        assertThat(RfmSegment.of(RfmScore.HIGH, RfmScore.HIGH, RfmScore.HIGH).chineseName()).isEqualTo("重要价值客户");
        assertThat(RfmSegment.of(RfmScore.LOW, RfmScore.HIGH, RfmScore.HIGH).chineseName()).isEqualTo("重要唤醒老客户");
        assertThat(RfmSegment.of(RfmScore.HIGH, RfmScore.LOW, RfmScore.HIGH).chineseName()).isEqualTo("深化经营优质客户");
        assertThat(RfmSegment.of(RfmScore.LOW, RfmScore.LOW, RfmScore.HIGH).chineseName()).isEqualTo("重点挽留高价值客户");
        assertThat(RfmSegment.of(RfmScore.HIGH, RfmScore.HIGH, RfmScore.LOW).chineseName()).isEqualTo("发掘潜力新客户");
        assertThat(RfmSegment.of(RfmScore.HIGH, RfmScore.LOW, RfmScore.LOW).chineseName()).isEqualTo("持续推广新接触客户");
        assertThat(RfmSegment.of(RfmScore.LOW, RfmScore.HIGH, RfmScore.LOW).chineseName()).isEqualTo("维持一般消费客户");
        assertThat(RfmSegment.of(RfmScore.LOW, RfmScore.LOW, RfmScore.LOW).chineseName()).isEqualTo("流失客户");
    }

    @Test
    void thresholdsAreExactAtTheirBoundaries() {
        RfmAssessment atBoundary = assess("90:1000 91:1 92:1");
        RfmAssessment justInside = policy.assess(
                orders("90:1000 91:1 92:1"), NOW.minus(Duration.ofDays(92)), NOW.minus(Duration.ofDays(90)), NOW.minusMillis(1));

        assertThat(atBoundary.recencyScore()).isEqualTo(RfmScore.LOW);
        assertThat(atBoundary.monetaryScore()).isEqualTo(RfmScore.HIGH); // 1002 ≥ 1000
        assertThat(justInside.recencyScore()).isEqualTo(RfmScore.HIGH);
        assertThat(assess("10:999.99").monetaryScore()).isEqualTo(RfmScore.LOW);
        assertThat(assess("10:1 11:1").frequencyScore()).isEqualTo(RfmScore.LOW);
    }

    @Test
    void refundsReduceFrequencyAndMonetaryValue() {
        List<CountedOrder> orders = new ArrayList<>(orders("10:500 40:400 100:300"));
        orders.set(1, orders.get(1).refund("R-1", new BigDecimal("400"))); // fully refunded: not counted
        orders.set(0, orders.get(0).refund("R-2", new BigDecimal("100")));

        RfmAssessment a = policy.assess(orders, NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(10)), NOW);

        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.monetary().value()).isEqualByComparingTo("700.00");
        assertThat(a.segment()).isEqualTo(RfmSegment.NEW);
    }

    @Test
    void ordersOutsideTheWindowDoNotCount() {
        RfmAssessment a = assess("10:100 365:5000 400:5000");

        assertThat(a.frequency()).isEqualTo(1);
        assertThat(a.monetary().value()).isEqualByComparingTo("100.00");
        assertThat(a.windowStart()).isEqualTo(NOW.minus(Duration.ofDays(365)));
    }

    @Test
    void ordersInAnotherCurrencyCountForFrequencyButNotForMonetaryValue() {
        List<CountedOrder> orders = List.of(
                CountedOrder.paid("O-1", NOW.minus(Duration.ofDays(1)), new BigDecimal("5000"), "USD"),
                CountedOrder.paid("O-2", NOW.minus(Duration.ofDays(2)), new BigDecimal("10"), "CNY"));

        RfmAssessment a = policy.assess(orders, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), NOW);

        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.monetary().value()).isEqualByComparingTo("10.00");
    }

    @Test
    void theNextAssessmentIsTheFirstThresholdTimeAloneCrosses() {
        // One order 5 days ago: NEW until day 30, then ACTIVE; R low and DORMANT from day 90.
        RfmAssessment fresh = assess("5:1500");
        assertThat(fresh.nextAssessmentAt()).isEqualTo(NOW.plus(Duration.ofDays(25)));

        RfmAssessment active = policy.assess(
                orders("5:1500"), NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)), fresh.nextAssessmentAt());
        assertThat(active.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(active.nextAssessmentAt()).isEqualTo(NOW.plus(Duration.ofDays(85)));

        RfmAssessment dormant = policy.assess(
                orders("5:1500"), NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)), active.nextAssessmentAt());
        assertThat(dormant.segment()).isEqualTo(RfmSegment.IMPORTANT_RETAIN);
        assertThat(dormant.stage()).isEqualTo(LifecycleStage.DORMANT);
        assertThat(dormant.nextAssessmentAt()).isEqualTo(NOW.plus(Duration.ofDays(175)));

        RfmAssessment churned = policy.assess(
                orders("5:1500"), NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)), dormant.nextAssessmentAt());
        assertThat(churned.stage()).isEqualTo(LifecycleStage.CHURNED);
        // The order leaves the window 365 days after it was paid; after that nothing changes with time.
        assertThat(churned.nextAssessmentAt()).isEqualTo(NOW.plus(Duration.ofDays(360)));
        RfmAssessment gone = policy.assess(
                orders("5:1500"), NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)), churned.nextAssessmentAt());
        assertThat(gone.segment()).isEqualTo(RfmSegment.LOST);
        assertThat(gone.nextAssessmentAt()).isNull();
    }

    private RfmAssessment assess(String spec) {
        List<CountedOrder> orders = orders(spec);
        Instant first = orders.stream().map(CountedOrder::paidAt).min(Instant::compareTo).orElseThrow();
        Instant last = orders.stream().map(CountedOrder::paidAt).max(Instant::compareTo).orElseThrow();
        return policy.assess(orders, first, last, NOW);
    }

    static List<CountedOrder> orders(String spec) {
        List<CountedOrder> orders = new ArrayList<>();
        int i = 0;
        for (String pair : spec.trim().split("\\s+")) {
            String[] parts = pair.split(":");
            orders.add(CountedOrder.paid(
                    "O-" + ++i, NOW.minus(Duration.ofDays(Long.parseLong(parts[0]))), new BigDecimal(parts[1]), "CNY"));
        }
        return orders;
    }
}
