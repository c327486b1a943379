package com.loyaltysuite.points.redemption;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redemption at checkout (积分兑换).
 *
 * @param pointsPerUnit points worth one currency unit (default 100 points = 1 CNY)
 * @param currency the currency points are worth money in
 * @param reservationTtl how long a reservation holds points before it expires unless confirmed
 */
@ConfigurationProperties("loyalty.points.redemption")
public record RedemptionProperties(Long pointsPerUnit, String currency, Duration reservationTtl) {

    public RedemptionProperties {
        pointsPerUnit = pointsPerUnit == null ? 100L : pointsPerUnit;
        currency = currency == null ? "CNY" : currency;
        reservationTtl = reservationTtl == null ? Duration.ofMinutes(15) : reservationTtl;
    }

    public static RedemptionProperties defaults() {
        return new RedemptionProperties(null, null, null);
    }
}
