package com.loyaltysuite.points.earning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The earning rules of the programme (积分规则).
 *
 * @param currency the currency points are earned in
 * @param pointsPerUnit base points per whole currency unit paid (default 1 point per CNY)
 * @param ruleVersion recorded on every PointsEarned, so a decision can be traced to its rules
 * @param pendingPeriod how long earned points stay pending: the return window (七天无理由退换货)
 * @param tierMultipliers multiplier per tier code; a tier not listed earns 1.0
 * @param promotions promotional multipliers by channel or category, each within a validity window
 * @param maxPointsPerOrder cap on the points one order earns; none when absent
 */
@ConfigurationProperties("loyalty.points.earning")
public record EarningProperties(
        String currency,
        Long pointsPerUnit,
        String ruleVersion,
        Duration pendingPeriod,
        Map<String, BigDecimal> tierMultipliers,
        List<Promotion> promotions,
        Long maxPointsPerOrder) {

    /** The programme's default ladder: 普通 1.0, 银牌 1.2, 金牌 1.5, 钻石 2.0, 院士 2.5. */
    public static final Map<String, BigDecimal> DEFAULT_TIER_MULTIPLIERS = defaultTierMultipliers();

    public EarningProperties {
        currency = currency == null ? "CNY" : currency;
        pointsPerUnit = pointsPerUnit == null ? 1L : pointsPerUnit;
        ruleVersion = ruleVersion == null ? "earning-v1" : ruleVersion;
        pendingPeriod = pendingPeriod == null ? Duration.ofDays(7) : pendingPeriod;
        tierMultipliers = tierMultipliers == null || tierMultipliers.isEmpty()
                ? DEFAULT_TIER_MULTIPLIERS
                : Map.copyOf(tierMultipliers);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
    }

    /** The defaults, with the given rate and rule version: for tests and tools. */
    public static EarningProperties defaults() {
        return new EarningProperties(null, null, null, null, null, null, null);
    }

    /**
     * A promotional multiplier (e.g. double points in the APP during 双十一). It applies to an order paid
     * in {@code [from, until)} whose channel is {@code channel} (when set) and that has a line in
     * {@code category} (when set). Promotions do not stack: the highest matching one applies.
     */
    public record Promotion(
            String id, BigDecimal multiplier, String channel, String category, Instant from, Instant until) {

        boolean matches(String orderChannel, List<String> categories, Instant paidAt) {
            return (from == null || !paidAt.isBefore(from))
                    && (until == null || paidAt.isBefore(until))
                    && (channel == null || channel.equalsIgnoreCase(orderChannel))
                    && (category == null || categories.stream().anyMatch(category::equalsIgnoreCase));
        }
    }

    private static Map<String, BigDecimal> defaultTierMultipliers() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("MEMBER", new BigDecimal("1.0"));
        m.put("SILVER", new BigDecimal("1.2"));
        m.put("GOLD", new BigDecimal("1.5"));
        m.put("DIAMOND", new BigDecimal("2.0"));
        m.put("ACADEMICIAN", new BigDecimal("2.5"));
        return Map.copyOf(m);
    }
}
