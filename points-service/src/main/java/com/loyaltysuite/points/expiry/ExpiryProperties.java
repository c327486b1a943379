package com.loyaltysuite.points.expiry;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When points expire (积分过期与清零).
 *
 * @param policy {@code ROLLING}: {@code months} after earning; {@code END_OF_FOLLOWING_YEAR}: at the
 *     end of the calendar year after the year of earning (in {@code zone})
 * @param months the rolling validity
 * @param zone the programme's time zone, for month and year boundaries
 * @param warnBefore how long before expiry members are warned (PointsExpiring) and points count as
 *     "expiring soon"
 */
@ConfigurationProperties("loyalty.points.expiry")
public record ExpiryProperties(Policy policy, Integer months, ZoneId zone, Duration warnBefore) {

    public enum Policy {
        ROLLING,
        END_OF_FOLLOWING_YEAR
    }

    public ExpiryProperties {
        policy = policy == null ? Policy.ROLLING : policy;
        months = months == null ? 12 : months;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        warnBefore = warnBefore == null ? Duration.ofDays(30) : warnBefore;
    }

    public static ExpiryProperties defaults() {
        return new ExpiryProperties(null, null, null, null);
    }
}
