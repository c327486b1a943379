package com.loyaltysuite.points.redemption;

import com.loyaltysuite.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** What points are worth at checkout and how long a reservation holds them. Plain Java, no I/O. */
@Component
@EnableConfigurationProperties(RedemptionProperties.class)
public class RedemptionPolicy {

    private final RedemptionProperties rules;

    public RedemptionPolicy(RedemptionProperties rules) {
        this.rules = rules;
    }

    /** The money value of {@code points}, to the cent, rounded down (never worth more than they are). */
    public Money valueOf(long points) {
        BigDecimal value = BigDecimal.valueOf(points).divide(BigDecimal.valueOf(rules.pointsPerUnit()), 2, RoundingMode.FLOOR);
        return new Money(value, rules.currency());
    }

    public Duration reservationTtl() {
        return rules.reservationTtl();
    }
}
