package com.loyaltysuite.tier.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyaltysuite.tier.ladder.Ladders;
import com.loyaltysuite.tier.ladder.Tier;
import com.loyaltysuite.tier.ladder.TierLadder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tier rules as plain Java: windows, promotion, retention, demotion, grace and risk. */
class TierPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant ONE_YEAR_ON = Instant.parse("2027-11-23T10:00:00Z");

    final TierPolicy policy = policy(DemotionPolicy.SOFT_LANDING, Period.ZERO);

    @Test
    void aRollingWindowCountsTheTwelveMonthsUpToTheInstantExcludingItsFirst() {
        QualifyingLedger ledger = ledger(order("O-1", "300", T0), order("O-2", "200", T0.plus(Duration.ofDays(100))));

        assertThat(policy.valueAt(ledger, T0)).isEqualByComparingTo("300");
        assertThat(policy.valueAt(ledger, T0.minusSeconds(1))).isEqualByComparingTo("0");
        assertThat(policy.valueAt(ledger, ONE_YEAR_ON.minusSeconds(1))).isEqualByComparingTo("500");
        assertThat(policy.valueAt(ledger, ONE_YEAR_ON)).isEqualByComparingTo("200");
        assertThat(policy.windowAt(ONE_YEAR_ON)).isEqualTo(new Window(WindowKind.ROLLING, T0, ONE_YEAR_ON));
    }

    @Test
    void aCalendarYearWindowStartsOnTheFirstOfJanuary() {
        TierPolicy calendar = new TierPolicy(
                Ladders.standard(), QualifyingBasis.SPEND, new QualifyingWindow(WindowKind.CALENDAR_YEAR, null),
                null, null, null);
        QualifyingLedger ledger = ledger(
                order("O-1", "300", Instant.parse("2026-12-31T23:59:59Z")),
                order("O-2", "200", Instant.parse("2027-01-01T00:00:00Z")));

        assertThat(calendar.valueAt(ledger, Instant.parse("2026-12-31T23:59:59Z"))).isEqualByComparingTo("300");
        assertThat(calendar.valueAt(ledger, Instant.parse("2027-03-01T00:00:00Z"))).isEqualByComparingTo("200");
    }

    @Test
    void refundsLowerTheValueOfTheOrderTheyRefundNeverBelowZero() {
        QualifyingLedger ledger = ledger(order("O-1", "600.00", T0));

        assertThat(ledger.reduce("O-1", new BigDecimal("100.00"), "r-1")).isEqualByComparingTo("100.00");
        assertThat(ledger.reduce("O-1", new BigDecimal("900.00"), "r-2")).isEqualByComparingTo("500.00");
        assertThat(policy.valueAt(ledger, T0)).isEqualByComparingTo("0");
        assertThat(ledger.causationIdsIn(policy.windowAt(T0))).containsExactly("evt-O-1", "r-1", "r-2");
    }

    @Test
    void skippingTiersIsOneDecisionStraightToTheHighestTierReached() {
        QualifyingLedger ledger = ledger(order("O-1", "300", T0), order("O-2", "5700", T0.plusSeconds(60)));

        TierDecision decision =
                policy.promotion(ledger, EarnedTier.entry("MEMBER"), T0.plusSeconds(60)).orElseThrow();

        assertThat(decision.kind()).isEqualTo(DecisionKind.PROMOTED);
        assertThat(decision.fromTier()).isEqualTo("MEMBER");
        assertThat(decision.toTier()).isEqualTo("DIAMOND");
        assertThat(decision.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(decision.validUntil()).isEqualTo(ONE_YEAR_ON.plusSeconds(60));
        assertThat(decision.qualifyingValue()).isEqualByComparingTo("6000");
        assertThat(decision.causationIds()).containsExactly("evt-O-1", "evt-O-2");
    }

    @Test
    void nothingToPromoteBelowTheNextThreshold() {
        assertThat(policy.promotion(ledger(order("O-1", "499.99", T0)), EarnedTier.entry("MEMBER"), T0)).isEmpty();
        assertThat(policy.promotion(ledger(order("O-1", "1999", T0)), holding("SILVER", ONE_YEAR_ON), T0)).isEmpty();
    }

    @Test
    void aLateOrderCountsInTheWindowItBelongsToAndPromotesAsOfTheLaterOrderThatCrossedTheThreshold() {
        // O-2 (paid later) arrived first; O-1, paid before it, arrives late.
        QualifyingLedger ledger = ledger(order("O-2", "300", T0.plus(Duration.ofDays(10))), order("O-1", "300", T0));

        TierDecision decision = policy.promotion(ledger, EarnedTier.entry("MEMBER"), T0).orElseThrow();

        assertThat(decision.toTier()).isEqualTo("SILVER");
        assertThat(decision.at()).isEqualTo(T0.plus(Duration.ofDays(10)));
        assertThat(decision.qualifyingValue()).isEqualByComparingTo("600");
    }

    @Test
    void aLateOrderThatAloneReachesAThresholdPromotesAsOfItsOwnPaidTime() {
        QualifyingLedger ledger = ledger(order("O-2", "100", T0.plus(Duration.ofDays(10))), order("O-1", "2000", T0));

        TierDecision decision = policy.promotion(ledger, EarnedTier.entry("MEMBER"), T0).orElseThrow();

        assertThat(decision.toTier()).isEqualTo("GOLD");
        assertThat(decision.at()).isEqualTo(T0);
    }

    @Test
    void aPromotionNeverTakesEffectBeforeTheTierHeldWasDecided() {
        Instant silverSince = T0.plus(Duration.ofDays(30));
        QualifyingLedger ledger = ledger(order("O-1", "600", silverSince), order("O-0", "1500", T0));
        EarnedTier silver = new EarnedTier("SILVER", silverSince, silverSince.plus(Duration.ofDays(365)), null);

        TierDecision decision = policy.promotion(ledger, silver, T0).orElseThrow();

        assertThat(decision.toTier()).isEqualTo("GOLD");
        assertThat(decision.at()).isEqualTo(silverSince);
    }

    @Test
    void meetingRetentionAtTheEndOfValidityKeepsTheTierForANewPeriod() {
        QualifyingLedger ledger = ledger(order("O-1", "600", T0), order("O-2", "500", T0.plus(Duration.ofDays(200))));

        TierDecision decision = policy.atDue(ledger, holding("SILVER", ONE_YEAR_ON));

        assertThat(decision.kind()).isEqualTo(DecisionKind.RETAINED);
        assertThat(decision.toTier()).isEqualTo("SILVER");
        assertThat(decision.qualifyingValue()).isEqualByComparingTo("500");
        assertThat(decision.validUntil()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
        assertThat(decision.causationIds()).containsExactly("evt-O-2");
    }

    @Test
    void softLandingDemotesOneTierWhateverTheValue() {
        QualifyingLedger ledger = ledger(order("O-1", "6000", T0));

        TierDecision decision = policy.atDue(ledger, holding("DIAMOND", ONE_YEAR_ON));

        assertThat(decision.kind()).isEqualTo(DecisionKind.DEMOTED);
        assertThat(decision.toTier()).isEqualTo("GOLD");
        assertThat(decision.at()).isEqualTo(ONE_YEAR_ON);
        assertThat(decision.validUntil()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
    }

    @Test
    void recalculatingDemotesToTheTierTheValueReaches() {
        TierPolicy recalculate = policy(DemotionPolicy.RECALCULATE, Period.ZERO);
        QualifyingLedger ledger = ledger(order("O-1", "6000", T0), order("O-2", "700", T0.plus(Duration.ofDays(90))));

        assertThat(recalculate.atDue(ledger, holding("DIAMOND", ONE_YEAR_ON)).toTier()).isEqualTo("SILVER");
        assertThat(recalculate.atDue(ledger(order("O-1", "6000", T0)), holding("DIAMOND", ONE_YEAR_ON)))
                .satisfies(d -> {
                    assertThat(d.toTier()).isEqualTo("MEMBER");
                    assertThat(d.validUntil()).isNull();
                });
    }

    @Test
    void aLowerRetentionThresholdKeepsATierTheValueNoLongerReaches() {
        TierLadder lenient = new TierLadder("v2", "CNY", Period.ofMonths(12), List.of(
                new Tier("MEMBER", "普通", "Member", BigDecimal.ZERO),
                new Tier("SILVER", "银牌", "Silver", new BigDecimal("500"), new BigDecimal("300"))));
        TierPolicy policy = new TierPolicy(lenient, null, null, null, null, null);
        QualifyingLedger ledger = ledger(order("O-1", "600", T0), order("O-2", "350", T0.plus(Duration.ofDays(60))));

        assertThat(policy.atDue(ledger, holding("SILVER", ONE_YEAR_ON)).kind()).isEqualTo(DecisionKind.RETAINED);
    }

    @Test
    void aGracePeriodDefersTheDemotionAndSpendDuringItKeepsTheTier() {
        TierPolicy graceful = policy(DemotionPolicy.SOFT_LANDING, Period.ofMonths(1));
        QualifyingLedger ledger = ledger(order("O-1", "600", T0));
        Instant graceEnd = Instant.parse("2027-12-23T10:00:00Z");

        TierDecision grace = graceful.atDue(ledger, holding("SILVER", ONE_YEAR_ON));
        assertThat(grace.kind()).isEqualTo(DecisionKind.GRACE_STARTED);
        assertThat(grace.toTier()).isEqualTo("SILVER");
        assertThat(grace.graceEndsAt()).isEqualTo(graceEnd);

        EarnedTier inGrace = new EarnedTier("SILVER", T0, ONE_YEAR_ON, graceEnd);
        assertThat(graceful.atDue(ledger, inGrace).kind()).isEqualTo(DecisionKind.DEMOTED);
        ledger.add(order("O-2", "500", Instant.parse("2027-12-01T00:00:00Z")));
        TierDecision kept = graceful.atDue(ledger, inGrace);
        assertThat(kept.kind()).isEqualTo(DecisionKind.RETAINED);
        assertThat(kept.validUntil()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
    }

    @Test
    void aMemberShortOfRetentionIsAtRiskWithTheGap() {
        QualifyingLedger ledger = ledger(order("O-1", "2500", T0), order("O-2", "1200", T0.plus(Duration.ofDays(100))));

        RiskAssessment risk = policy.risk(ledger, holding("GOLD", ONE_YEAR_ON)).orElseThrow();

        assertThat(risk.gap()).isEqualByComparingTo("800");
        assertThat(risk.retentionThreshold()).isEqualByComparingTo("2000");
        assertThat(policy.projectedTier(ledger, "GOLD", ONE_YEAR_ON)).isEqualTo("SILVER");
        assertThat(policy.neededToKeep(ledger, "GOLD", ONE_YEAR_ON)).isEqualByComparingTo("800");
        assertThat(policy.risk(ledger, holding("SILVER", ONE_YEAR_ON))).isEmpty();
        assertThat(policy.projectedTier(ledger, "MEMBER", null)).isEqualTo("MEMBER");
    }

    static TierPolicy policy(DemotionPolicy demotion, Period grace) {
        return new TierPolicy(
                Ladders.standard(), QualifyingBasis.SPEND, QualifyingWindow.rolling12Months(), demotion, grace,
                Duration.ofDays(30));
    }

    /** {@code tier}, held until {@code validUntil}. */
    static EarnedTier holding(String tier, Instant validUntil) {
        return new EarnedTier(tier, T0, validUntil, null);
    }

    static QualifyingEntry order(String id, String value, Instant at) {
        return new QualifyingEntry(id, new BigDecimal(value), at, List.of("evt-" + id));
    }

    static QualifyingLedger ledger(QualifyingEntry... entries) {
        return new QualifyingLedger(List.of(entries));
    }
}
