package com.loyaltysuite.benefit.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * Something a member can buy with points (积分兑换): a coupon of the catalogue, for {@code points}; a tier
 * listed in {@code tierRates} pays that share of it (higher tiers a better rate), rounded up to whole points.
 */
public record ExchangeItem(String coupon, long points, Map<String, BigDecimal> tierRates) {

    public ExchangeItem {
        Objects.requireNonNull(coupon, "coupon");
        if (points <= 0) {
            throw new IllegalArgumentException("An exchange item costs points, was " + points);
        }
        tierRates = tierRates == null ? Map.of() : Map.copyOf(tierRates);
    }

    public long pointsFor(String tier) {
        BigDecimal rate = tier == null ? BigDecimal.ONE : tierRates.getOrDefault(tier, BigDecimal.ONE);
        return BigDecimal.valueOf(points).multiply(rate).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
