package com.loyaltysuite.points.earning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The earning rules of the programme (积分规则).
 *
 * @param currency the currency points are earned in
 * @param pointsPerUnit points per whole currency unit paid (default 1 point per CNY)
 * @param ruleVersion recorded on every PointsEarned, so a decision can be traced to its rules
 * @param pendingPeriod how long earned points stay pending: the return window (七天无理由退换货)
 */
@ConfigurationProperties("loyalty.points.earning")
public record EarningProperties(String currency, Long pointsPerUnit, String ruleVersion, Duration pendingPeriod) {

    public EarningProperties {
        currency = currency == null ? "CNY" : currency;
        pointsPerUnit = pointsPerUnit == null ? 1L : pointsPerUnit;
        ruleVersion = ruleVersion == null ? "earning-v1" : ruleVersion;
        pendingPeriod = pendingPeriod == null ? Duration.ofDays(7) : pendingPeriod;
    }
}
