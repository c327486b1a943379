package com.loyaltysuite.points.earning;

import com.loyaltysuite.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Points for a paid order. Base points are whole currency units paid (floored) times the rate; they
 * are multiplied by the tier's multiplier and the best matching promotion's, floored again, and
 * capped per order. Plain Java, no I/O.
 */
@Component
@EnableConfigurationProperties(EarningProperties.class)
public class EarningPolicy {

    private final EarningProperties rules;

    public EarningPolicy(EarningProperties rules) {
        this.rules = rules;
    }

    public EarningDecision decide(Money paid, String tier, String channel, List<String> categories, Instant paidAt) {
        requireCurrency(paid);
        long wholeUnits = paid.value().setScale(0, RoundingMode.FLOOR).longValueExact();
        long basePoints = Math.max(0, wholeUnits) * rules.pointsPerUnit();
        BigDecimal tierMultiplier = rules.tierMultipliers().getOrDefault(tier, BigDecimal.ONE);
        var promotion = rules.promotions().stream()
                .filter(p -> p.matches(channel, categories == null ? List.of() : categories, paidAt))
                .max(Comparator.comparing(EarningProperties.Promotion::multiplier));
        BigDecimal multiplier = normalised(
                tierMultiplier.multiply(promotion.map(EarningProperties.Promotion::multiplier).orElse(BigDecimal.ONE)));
        long points = BigDecimal.valueOf(basePoints)
                .multiply(multiplier)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        if (rules.maxPointsPerOrder() != null) {
            points = Math.min(points, rules.maxPointsPerOrder());
        }
        return new EarningDecision(
                points,
                basePoints,
                multiplier,
                tier,
                rules.ruleVersion(),
                promotion.map(EarningProperties.Promotion::id).orElse(null));
    }

    /** Refunds are valued in the currency points are earned in. */
    public void requireCurrency(Money amount) {
        if (!amount.isCurrency(rules.currency())) {
            throw new UnsupportedCurrencyException(amount.currency(), rules.currency());
        }
    }

    public Duration pendingPeriod() {
        return rules.pendingPeriod();
    }

    /** At least one decimal ("1.0", "1.2", "1.8"), never trailing zeros beyond it. */
    private static BigDecimal normalised(BigDecimal multiplier) {
        BigDecimal stripped = multiplier.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
