package com.loyaltysuite.tier.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierLadderTest {

    final TierLadder ladder = Ladders.standard();

    @ParameterizedTest
    @CsvSource({
        "0, MEMBER",
        "499.99, MEMBER",
        "500.00, SILVER",
        "500, SILVER",
        "1999.99, SILVER",
        "2000.00, GOLD",
        "6000.00, DIAMOND",
        "9999.99, DIAMOND",
        "10000.00, ACADEMICIAN",
        "250000, ACADEMICIAN"
    })
    void findsTheHighestTierAValueReaches(String value, String tier) {
        assertThat(ladder.reachedBy(new BigDecimal(value)).code()).isEqualTo(tier);
    }

    @ParameterizedTest
    @CsvSource({
        "0, SILVER, 500.00",
        "499.99, SILVER, 0.01",
        "500.00, GOLD, 1500.00",
        "599.00, GOLD, 1401.00",
        "6000.00, ACADEMICIAN, 4000.00"
    })
    void tellsWhatIsNextAndHowMuchIsMissing(String value, String next, String missing) {
        NextTier nextTier = ladder.next(new BigDecimal(value)).orElseThrow();

        assertThat(nextTier.tier().code()).isEqualTo(next);
        assertThat(nextTier.missing()).isEqualTo(new BigDecimal(missing));
    }

    @Test
    void nothingIsNextAtTheTop() {
        assertThat(ladder.next(new BigDecimal("12000"))).isEmpty();
        assertThat(ladder.next("ACADEMICIAN", new BigDecimal("12000"))).isEmpty();
        assertThat(ladder.below("GOLD").code()).isEqualTo("SILVER");
        assertThat(ladder.below("MEMBER").code()).isEqualTo("MEMBER");
    }

    @Test
    void whatIsMissingIsMeasuredFromTheTierHeldNeverBelowZero() {
        NextTier next = ladder.next("SILVER", new BigDecimal("2500.00")).orElseThrow();

        assertThat(next.tier().code()).isEqualTo("GOLD");
        assertThat(next.missing()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void ordersTiersAndKnowsTheEntryTier() {
        assertThat(ladder.entry().code()).isEqualTo("MEMBER");
        assertThat(ladder.tiers()).extracting(Tier::code)
                .containsExactly("MEMBER", "SILVER", "GOLD", "DIAMOND", "ACADEMICIAN");
        assertThat(ladder.tier("GOLD").nameZhCn()).isEqualTo("金牌");
        assertThat(ladder.tier("SILVER").threshold()).isEqualTo(new BigDecimal("500.00"));
        assertThat(ladder.isAbove(ladder.tier("DIAMOND"), "MEMBER")).isTrue();
        assertThat(ladder.isAbove(ladder.tier("SILVER"), "SILVER")).isFalse();
        assertThat(ladder.isAbove(ladder.tier("SILVER"), "GOLD")).isFalse();
    }

    @Test
    void aTierIsHeldForTwelveCalendarMonths() {
        assertThat(ladder.validUntil(Instant.parse("2026-11-23T10:00:00Z")))
                .isEqualTo(Instant.parse("2027-11-23T10:00:00Z"));
        assertThat(ladder.validUntil(Instant.parse("2028-02-29T08:00:00Z")))
                .isEqualTo(Instant.parse("2029-02-28T08:00:00Z"));
    }

    @Test
    void anUnknownTierCodeIsNamed() {
        assertThatThrownBy(() -> ladder.tier("PLATINUM"))
                .isInstanceOf(UnknownTierException.class)
                .hasMessageContaining("PLATINUM");
    }

    @Test
    void refusesABrokenLadder() {
        Tier member = new Tier("MEMBER", "普通", "Member", BigDecimal.ZERO);
        Tier silver = new Tier("SILVER", "银牌", "Silver", new BigDecimal("500"));
        Period year = Period.ofMonths(12);

        assertThatThrownBy(() -> new TierLadder("v", "CNY", year, List.of()))
                .isInstanceOf(InvalidLadderException.class);
        assertThatThrownBy(() -> new TierLadder("v", "CNY", year, List.of(silver)))
                .isInstanceOf(InvalidLadderException.class)
                .hasMessageContaining("threshold 0");
        assertThatThrownBy(() -> new TierLadder("v", "CNY", year, List.of(member, silver, silver)))
                .isInstanceOf(InvalidLadderException.class);
        assertThatThrownBy(() -> new TierLadder("v", "CNY", year, List.of(silver, member)))
                .isInstanceOf(InvalidLadderException.class);
        assertThatThrownBy(() -> new TierLadder("v", "CNY", year,
                        List.of(member, new Tier("SILVER", "银牌", "Silver", new BigDecimal("500.001")))))
                .isInstanceOf(InvalidLadderException.class)
                .hasMessageContaining("decimals");
        assertThatThrownBy(() -> new TierLadder("v", "CNY", Period.ZERO, List.of(member, silver)))
                .isInstanceOf(InvalidLadderException.class);
        assertThatThrownBy(() -> new TierLadder(" ", "CNY", year, List.of(member, silver)))
                .isInstanceOf(InvalidLadderException.class);
        assertThatThrownBy(() -> new TierLadder("v", "CNY", year, List.of(
                        member, new Tier("SILVER", "银牌", "Silver", new BigDecimal("500"), new BigDecimal("600")))))
                .isInstanceOf(InvalidLadderException.class)
                .hasMessageContaining("retention");
        assertThatThrownBy(() -> new TierLadder("v", "XYZ1", year, List.of(member, silver)))
                .isInstanceOf(InvalidLadderException.class);
    }

    @Test
    void retentionDefaultsToTheEntryThresholdAndMayBeLower() {
        TierLadder ladder = new TierLadder("v", "CNY", Period.ofMonths(12), List.of(
                new Tier("MEMBER", "普通", "Member", BigDecimal.ZERO),
                new Tier("SILVER", "银牌", "Silver", new BigDecimal("500"), new BigDecimal("300"))));

        assertThat(ladder.tier("MEMBER").retentionThreshold()).isEqualTo(new BigDecimal("0.00"));
        assertThat(ladder.tier("SILVER").retentionThreshold()).isEqualTo(new BigDecimal("300.00"));
        assertThat(Ladders.standard().tier("GOLD").retentionThreshold()).isEqualTo(new BigDecimal("2000.00"));
    }

    @Test
    void aPointsLadderCountsWholePoints() {
        TierLadder points = Ladders.points();

        assertThat(points.unit()).isEqualTo("POINTS");
        assertThat(points.tier("SILVER").threshold()).isEqualTo(new BigDecimal("500"));
        assertThatThrownBy(() -> new TierLadder("v", TierLadder.POINTS, Period.ofMonths(12), List.of(
                        new Tier("MEMBER", "普通", "Member", BigDecimal.ZERO),
                        new Tier("SILVER", "银牌", "Silver", new BigDecimal("500.5")))))
                .isInstanceOf(InvalidLadderException.class);
    }
}
