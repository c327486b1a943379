package com.loyaltysuite.points.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyaltysuite.events.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarningPolicyTest {

    static final Instant PAID_AT = Instant.parse("2026-11-11T10:00:00Z");

    final EarningPolicy policy = new EarningPolicy(EarningProperties.defaults());

    @ParameterizedTest
    @CsvSource({"599.00, 599", "599.99, 599", "0.99, 0", "0, 0", "10000, 10000"})
    void floorsToWholeYuan(String amount, long points) {
        EarningDecision decision = decide(policy, amount, "MEMBER", null, List.of());

        assertThat(decision.points()).isEqualTo(points);
        assertThat(decision.basePoints()).isEqualTo(points);
        assertThat(decision.multiplier()).isEqualTo(new BigDecimal("1.0"));
        assertThat(decision.ruleVersion()).isEqualTo("earning-v1");
    }

    @ParameterizedTest
    @CsvSource({
        "MEMBER, 99.99, 99, 1.0",
        "SILVER, 99.99, 118, 1.2", // 99 × 1.2 = 118.8, floored
        "GOLD, 99.99, 148, 1.5", // 148.5
        "DIAMOND, 99.99, 198, 2.0",
        "ACADEMICIAN, 99.99, 247, 2.5", // 247.5
        "SILVER, 50.50, 60, 1.2", // floor(50.50) = 50, × 1.2
        "UNKNOWN, 10, 10, 1.0"
    })
    void multipliesByTheTierHeldAndFloors(String tier, String amount, long points, String multiplier) {
        EarningDecision decision = decide(policy, amount, tier, null, List.of());

        assertThat(decision.points()).isEqualTo(points);
        assertThat(decision.multiplier()).isEqualTo(new BigDecimal(multiplier));
        assertThat(decision.tier()).isEqualTo(tier);
    }

    @Test
    void multipliesByTheRate() {
        var tripled = new EarningPolicy(new EarningProperties("CNY", 3L, "earning-v2", Duration.ZERO, null, null, null));

        assertThat(decide(tripled, "100.50", "MEMBER", null, List.of()).points()).isEqualTo(300);
        assertThat(decide(tripled, "100.50", "MEMBER", null, List.of()).basePoints()).isEqualTo(300);
    }

    @Test
    void appliesTheBestMatchingPromotionWithinItsWindowOnly() {
        var app = new EarningProperties.Promotion(
                "double-11-app", new BigDecimal("2"), "APP", null, Instant.parse("2026-11-10T16:00:00Z"), Instant.parse("2026-11-11T16:00:00Z"));
        var beauty = new EarningProperties.Promotion("beauty-x3", new BigDecimal("3"), null, "beauty", null, null);
        var promoted = new EarningPolicy(new EarningProperties(null, null, null, null, null, List.of(app, beauty), null));

        EarningDecision inApp = decide(promoted, "100", "GOLD", "APP", List.of("apparel"));
        assertThat(inApp.points()).isEqualTo(300); // 100 × 1.5 × 2
        assertThat(inApp.multiplier()).isEqualTo(new BigDecimal("3.0"));
        assertThat(inApp.promotionId()).isEqualTo("double-11-app");

        assertThat(decide(promoted, "100", "MEMBER", "APP", List.of("beauty")).promotionId()).isEqualTo("beauty-x3");
        assertThat(decide(promoted, "100", "MEMBER", "WEB", List.of("apparel")).promotionId()).isNull();
        EarningDecision afterWindow = promoted.decide(
                Money.of("100", "CNY"), "MEMBER", "APP", List.of(), Instant.parse("2026-11-11T16:00:00Z"));
        assertThat(afterWindow.points()).isEqualTo(100);
    }

    @Test
    void capsThePointsOfOneOrder() {
        var capped = new EarningPolicy(new EarningProperties(null, null, null, null, Map.of("GOLD", new BigDecimal("1.5")), null, 1000L));

        assertThat(decide(capped, "5000", "GOLD", null, List.of()).points()).isEqualTo(1000);
        assertThat(decide(capped, "5000", "GOLD", null, List.of()).basePoints()).isEqualTo(5000);
    }

    @ParameterizedTest
    @CsvSource({"USD", "EUR"})
    void refusesOtherCurrencies(String currency) {
        assertThatThrownBy(() -> policy.decide(Money.of("10", currency), "MEMBER", null, List.of(), PAID_AT))
                .isInstanceOf(UnsupportedCurrencyException.class)
                .hasMessageContaining(currency);
    }

    private static EarningDecision decide(
            EarningPolicy policy, String amount, String tier, String channel, List<String> categories) {
        return policy.decide(Money.of(amount, "CNY"), tier, channel, categories, PAID_AT);
    }
}
